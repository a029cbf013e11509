package io.huoshui.service.security;

import java.util.Locale;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The organisation a request acts for, from the {@code tenant_type} and {@code tenant_id} claims of
 * its access token. Object-level rules are written against it where queries are built.
 *
 * @param id a county's 6-digit division code, a bank's code, or the division code of the region an
 *     operator runs (2, 4 or 6 digits)
 */
public record Tenant(TenantType type, String id) {

  public static final String TYPE_CLAIM = "tenant_type";
  public static final String ID_CLAIM = "tenant_id";

  /**
   * The tenant of a verified token. A token without both claims was not issued for a Huoshui client
   * and names no tenant, so it is refused rather than guessed at.
   */
  public static Tenant of(Jwt token) {
    String type = token.getClaimAsString(TYPE_CLAIM);
    String id = token.getClaimAsString(ID_CLAIM);
    if (type == null || id == null || id.isBlank()) {
      throw new MissingTenantException();
    }
    try {
      return new Tenant(TenantType.valueOf(type.toUpperCase(Locale.ROOT)), id);
    } catch (IllegalArgumentException unknown) {
      throw new MissingTenantException();
    }
  }

  public boolean isCounty() {
    return type == TenantType.COUNTY;
  }

  public boolean isBank() {
    return type == TenantType.BANK;
  }

  public boolean isOperator() {
    return type == TenantType.OPERATOR;
  }

  /**
   * Whether this tenant may see what belongs to the county or region with this division code: a
   * county its own code, an operator every code inside its region (division codes nest by prefix:
   * 14 ⊃ 1404 ⊃ 140428). A bank covers no region; what it sees is what was pushed to it.
   */
  public boolean covers(String divisionCode) {
    return switch (type) {
      case COUNTY -> id.equals(divisionCode);
      case OPERATOR -> divisionCode != null && divisionCode.startsWith(id);
      case BANK -> false;
    };
  }
}
