package io.huoshui.identity.client;

import io.huoshui.vocabulary.Scopes;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first operator of a fresh deployment, from configuration: every other client is registered by
 * an operator, so without one nobody could start. Registered once; later changes of the configured
 * secret are ignored, rotate through the API instead. It is the network's administrator ({@link
 * Scopes#NETWORK_ADMIN}); one registered before those scopes existed is given them at the next
 * start.
 */
@Component
class BootstrapOperator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapOperator.class);
  private static final int MIN_SECRET_LENGTH = 24;

  private final ClientRegistry registry;
  private final String clientId;
  private final String secret;
  private final String region;

  BootstrapOperator(
      ClientRegistry registry,
      @Value("${huoshui.identity.bootstrap-operator.client-id:}") String clientId,
      @Value("${huoshui.identity.bootstrap-operator.secret:}") String secret,
      @Value("${huoshui.identity.bootstrap-operator.region:}") String region) {
    this.registry = registry;
    this.clientId = clientId;
    this.secret = secret;
    this.region = region;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (clientId.isBlank()) {
      return;
    }
    if (registry.find(clientId).isPresent()) {
      for (String scope : List.of(Scopes.NETWORK_ADMIN, Scopes.CALENDAR_ADMIN)) {
        if (registry.grantScope(clientId, scope)) {
          log.info("Bootstrap operator {} given the administrator's {}", clientId, scope);
        }
      }
      return;
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalStateException(
          "huoshui.identity.bootstrap-operator.secret must have at least %d characters"
              .formatted(MIN_SECRET_LENGTH));
    }
    registry.register(
        new ClientRequest(
            clientId, "Bootstrap operator " + region, TenantType.OPERATOR, region, administrator()),
        secret);
    log.info("Bootstrap operator {} for region {} registered", clientId, region);
  }

  /** An operator's scopes and the administrator's. */
  static List<String> administrator() {
    return Stream.concat(
            TenantType.OPERATOR.scopes().stream(),
            Stream.of(Scopes.NETWORK_ADMIN, Scopes.CALENDAR_ADMIN))
        .toList();
  }
}
