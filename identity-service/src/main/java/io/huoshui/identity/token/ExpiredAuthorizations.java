package io.huoshui.identity.token;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The authorisation server records every token it issues; once a token has expired its record
 * serves nothing, and without this the table would grow by one row per token forever.
 */
@Component
class ExpiredAuthorizations {

  private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  ExpiredAuthorizations(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
  int purge() {
    return jdbc.sql("DELETE FROM oauth2_authorization WHERE access_token_expires_at < :before")
        .param("before", Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY)))
        .update();
  }
}
