package io.huoshui.matching.application;

import io.huoshui.matching.domain.Stage;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huoshui.matching.*}
 *
 * @param banksPerDemand how many banks a demand is pushed to at once (K)
 * @param deadlineWorkingDays working days a bank has for its first answer, on the network's
 *     calendar (platform/calendar)
 * @param decisionWorkingDays working days a bank has for its credit decision (approval or decline)
 *     after it answered INTEREST
 * @param disbursementWorkingDays working days a bank has for its first disbursement after it
 *     approved
 * @param instanceId this instance's name; each instance reads every product in a consumer group of
 *     its own named after it
 * @param sweepInterval how often the supervision sweep runs
 * @param standingsRefresh how often the banks' track records and loads are re-read for the score
 * @param catchUpWindow how far back an instance that takes over a partition of demands looks for
 *     products its former owner may not have applied yet
 */
@ConfigurationProperties("huoshui.matching")
public record MatchingProperties(
    @DefaultValue("3") int banksPerDemand,
    @DefaultValue("3") int deadlineWorkingDays,
    @DefaultValue("10") int decisionWorkingDays,
    @DefaultValue("10") int disbursementWorkingDays,
    String instanceId,
    @DefaultValue("1m") Duration sweepInterval,
    @DefaultValue("5m") Duration standingsRefresh,
    @DefaultValue("1h") Duration catchUpWindow) {

  /** The working days the bank has for the stage. */
  int workingDays(Stage stage) {
    return switch (stage) {
      case FIRST_ANSWER -> deadlineWorkingDays;
      case DECISION -> decisionWorkingDays;
      case DISBURSEMENT -> disbursementWorkingDays;
    };
  }
}
