package io.huoshui.notification.notice;

import io.huoshui.service.security.Tenant;
import io.huoshui.service.security.TenantType;
import java.util.List;
import java.util.Objects;

/**
 * The recipient of a notification: a county (its division code), a bank (its code) or the operators
 * of a region (the region's division code).
 */
public record Audience(TenantType type, String id) implements Comparable<Audience> {

  public Audience {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** What a tenant reads: its own, an operator those addressed to its region code. */
  public static Audience of(Tenant tenant) {
    return new Audience(tenant.type(), tenant.id());
  }

  public static Audience county(String divisionCode) {
    return new Audience(TenantType.COUNTY, divisionCode);
  }

  public static Audience bank(String bankCode) {
    return new Audience(TenantType.BANK, bankCode);
  }

  /** The operators of a region (its division code: a province, a city or a county). */
  public static Audience operators(String region) {
    return new Audience(TenantType.OPERATOR, region);
  }

  /**
   * The operators that watch a county: operators are not known in advance, so a notice goes to
   * every region that contains the county (province, city, county: the 2-, 4- and 6-digit prefixes
   * of its code), and an operator reads those of its own region code.
   */
  public static List<Audience> operatorsOf(String county) {
    return List.of(2, 4, 6).stream()
        .filter(length -> county.length() >= length)
        .map(length -> operators(county.substring(0, length)))
        .toList();
  }

  /** A fixed order in which a transaction takes the sequence rows of several audiences. */
  @Override
  public int compareTo(Audience other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : id.compareTo(other.id);
  }
}
