package io.huoshui.identity.token;

import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the client's tenant into its access token: {@code tenant_type} (COUNTY, BANK, OPERATOR) and
 * {@code tenant_id} (division code, bank code or region code). Every service authorises on them. A
 * client that asks for no scope gets every scope it is registered with, so that a county portal
 * needs to know no scope names to start.
 */
@Component
public class TenantClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String TENANT_TYPE = "tenant_type";
  public static final String TENANT_ID = "tenant_id";

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
        || !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      return;
    }
    var client = context.getRegisteredClient();
    var settings = client.getClientSettings();
    context
        .getClaims()
        .claim(TENANT_TYPE, (String) settings.getSetting(TENANT_TYPE))
        .claim(TENANT_ID, (String) settings.getSetting(TENANT_ID));
    if (context.getAuthorizedScopes().isEmpty()) {
      context.getClaims().claim(OAuth2ParameterNames.SCOPE, List.copyOf(client.getScopes()));
    }
  }
}
