package io.huoshui.identity.client;

import io.huoshui.identity.token.TenantClaims;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorisation server's view of the api_client table: an enabled client may use the
 * client-credentials grant with its current secret; a disabled or unknown one is not found, so it
 * gets no token.
 */
@Component
class StoredRegisteredClients implements RegisteredClientRepository {

  private final ApiClientStore store;
  private final Duration accessTokenTtl;

  StoredRegisteredClients(
      ApiClientStore store,
      @Value("${huoshui.identity.access-token-ttl}") Duration accessTokenTtl) {
    this.store = store;
    this.accessTokenTtl = accessTokenTtl;
  }

  /** Clients are registered through the operator API, never by the authorisation server. */
  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("register clients through /api/v1/clients");
  }

  @Override
  public RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return store
        .find(clientId)
        .filter(stored -> stored.client().enabled())
        .map(this::registeredClient)
        .orElse(null);
  }

  private RegisteredClient registeredClient(ApiClientStore.StoredClient stored) {
    ApiClient client = stored.client();
    return RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        .clientSecret(stored.secretHash())
        .clientIdIssuedAt(client.createdAt())
        .clientName(client.displayName())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(client.scopes()))
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .build())
        .clientSettings(
            ClientSettings.builder()
                .setting(TenantClaims.TENANT_TYPE, client.tenantType().name())
                .setting(TenantClaims.TENANT_ID, client.tenantId())
                .build())
        .build();
  }
}
