package io.huoshui.identity.key;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, the signing keys sealed under a secret key that no longer seals are sealed again
 * under the current one, so that a rotation of huoshui.secrets.current-key completes by a restart.
 */
@Component
class ResealSigningKeys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ResealSigningKeys.class);

  private final SigningKeys keys;

  ResealSigningKeys(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    int resealed = keys.resealUnderCurrentKey();
    if (resealed > 0) {
      log.info("{} signing keys sealed again under the current secret key", resealed);
    }
  }
}
