package io.huoshui.identity.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registers, rotates and disables clients. A secret exists in clear only in the answer that creates
 * it; the database keeps its hash.
 */
@Service
public class ClientRegistry {

  /** A client and, once, its secret. */
  public record IssuedSecret(ApiClient client, String clientSecret) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiClientStore store;
  private final BankKafkaAccess kafka;
  private final PasswordEncoder passwords;
  private final Clock clock;

  ClientRegistry(
      ApiClientStore store, BankKafkaAccess kafka, PasswordEncoder passwords, Clock clock) {
    this.store = store;
    this.kafka = kafka;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Registers a client with a generated secret.
   *
   * @throws ClientRejectedException when the request breaks a rule, naming the field
   */
  public IssuedSecret register(ClientRequest request) {
    return register(request, newSecret());
  }

  /** Registers a client with a secret chosen by the caller: for the documented local demo only. */
  IssuedSecret register(ClientRequest request, String secret) {
    List<String> scopes = request.grantedScopes();
    ApiClient client =
        new ApiClient(
            request.clientId(),
            request.displayName(),
            request.tenantType(),
            request.tenantId(),
            scopes,
            true,
            clock.instant(),
            clock.instant(),
            null);
    if (!store.insert(client, passwords.encode(secret))) {
      throw new ClientConflictException(
          "clientId", "已有使用此标识的客户端", "a client with this id exists already");
    }
    if (client.tenantType() == TenantType.BANK) {
      try {
        kafka.grant(client.clientId(), client.tenantId(), secret);
      } catch (RuntimeException e) {
        store.delete(client.clientId());
        throw e;
      }
    }
    return new IssuedSecret(client, secret);
  }

  public Optional<ApiClient> find(String clientId) {
    return store.find(clientId).map(ApiClientStore.StoredClient::client);
  }

  public List<ApiClient> findAll() {
    return store.findAll();
  }

  /**
   * A new secret; the old one stops working at once, for the API and, for a bank, for Kafka. Empty
   * when no enabled client has the id.
   */
  public Optional<IssuedSecret> rotateSecret(String clientId) {
    Optional<ApiClient> client = find(clientId).filter(ApiClient::enabled);
    if (client.isEmpty()) {
      return Optional.empty();
    }
    String secret = newSecret();
    if (client.get().tenantType() == TenantType.BANK) {
      kafka.grant(clientId, client.get().tenantId(), secret);
    }
    if (!store.replaceSecret(clientId, passwords.encode(secret), clock.instant())) {
      return Optional.empty();
    }
    return find(clientId).map(rotated -> new IssuedSecret(rotated, secret));
  }

  /**
   * Disabled clients get no more tokens, and a bank can no longer read from Kafka; tokens already
   * issued expire on their own.
   */
  public Optional<ApiClient> disable(String clientId) {
    store.disable(clientId, clock.instant());
    Optional<ApiClient> client = find(clientId);
    client
        .filter(disabled -> disabled.tenantType() == TenantType.BANK)
        .ifPresent(bank -> kafka.revoke(bank.clientId()));
    return client;
  }

  /** Adds a scope the client's type may hold; false when it held it already or does not exist. */
  boolean grantScope(String clientId, String scope) {
    return store.addScope(clientId, scope);
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
