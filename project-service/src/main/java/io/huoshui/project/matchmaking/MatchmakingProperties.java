package io.huoshui.project.matchmaking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the matchmaking events' intentions are followed up ({@code huoshui.matchmaking.*}).
 *
 * @param followUpWorkingDays working days after the event's day by which a bank that signed an
 *     intention is to have approved the demand
 * @param redAfterWorkingDays working days past that due day after which an unfollowed intention
 *     turns from YELLOW to RED
 * @param metricsRefresh how often the gauge of unfollowed intentions is counted afresh
 */
@ConfigurationProperties("huoshui.matchmaking")
record MatchmakingProperties(
    @DefaultValue("20") int followUpWorkingDays,
    @DefaultValue("10") int redAfterWorkingDays,
    @DefaultValue("1m") Duration metricsRefresh) {

  FollowUp.Rule rule() {
    return new FollowUp.Rule(followUpWorkingDays, redAfterWorkingDays);
  }
}
