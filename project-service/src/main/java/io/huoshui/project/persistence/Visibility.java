package io.huoshui.project.persistence;

import io.huoshui.service.security.Tenant;

/**
 * Which demands a tenant may see, as a condition on the {@code project} table; every query made on
 * a tenant's behalf starts from it. A county sees its own demands, an operator those of every
 * county in its region (division codes nest by prefix), a bank none: banks learn of demand only
 * through the anonymised matches pushed to them.
 */
public final class Visibility {

  private Visibility() {}

  public static Where of(Tenant tenant) {
    Where where = new Where();
    return switch (tenant.type()) {
      case COUNTY -> where.and("p.county = :tenantCounty", "tenantCounty", tenant.id());
      case OPERATOR ->
          where.and("p.county LIKE :tenantRegion", "tenantRegion", likePrefix(tenant.id()));
      case BANK -> where.and("FALSE");
    };
  }

  /** A prefix pattern in which the region's own characters match only themselves. */
  private static String likePrefix(String region) {
    return region.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
