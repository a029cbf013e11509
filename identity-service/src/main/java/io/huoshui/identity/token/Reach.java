package io.huoshui.identity.token;

import io.huoshui.vocabulary.Scopes;
import java.util.List;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who administers whom. The network's administrator (a client holding {@link Scopes#NETWORK_ADMIN}:
 * the deployment's bootstrap operator) administers every client and the signing keys; the banks are
 * the whole network's, so only it administers them. Any other operator administers the counties and
 * operators of its own region: those whose division code starts with its own.
 */
public final class Reach {

  private Reach() {}

  public static boolean isAdministrator(Jwt operator) {
    List<String> scopes = operator.getClaimAsStringList(OAuth2ParameterNames.SCOPE);
    return scopes != null && scopes.contains(Scopes.NETWORK_ADMIN);
  }

  /** Whether this operator administers the clients of a tenant of this type and id. */
  public static boolean reaches(Jwt operator, String tenantType, String tenantId) {
    if (isAdministrator(operator)) {
      return true;
    }
    String region = region(operator);
    return !"BANK".equals(tenantType)
        && region != null
        && !region.isEmpty()
        && tenantId != null
        && tenantId.startsWith(region);
  }

  public static String region(Jwt operator) {
    return operator.getClaimAsString(TenantClaims.TENANT_ID);
  }
}
