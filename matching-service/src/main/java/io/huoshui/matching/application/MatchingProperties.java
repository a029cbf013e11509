package io.huoshui.matching.application;

import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.StageDays;
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
 *     after it answered INTEREST, unless the product states its own
 * @param disbursementWorkingDays working days a bank has for its first disbursement after it
 *     approved, unless the product states its own
 * @param instanceId this instance's name; each instance reads every product in a consumer group of
 *     its own named after it
 * @param sweepInterval how often the supervision sweep runs
 * @param standingsRefresh how often the banks' track records and loads are re-read for the score
 * @param catchUpWindow how far back an instance that takes over a partition of demands looks for
 *     products its former owner may not have applied yet
 * @param escalation how a RED match is escalated by level
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
    @DefaultValue("1h") Duration catchUpWindow,
    @DefaultValue Escalation escalation) {

  /**
   * {@code huoshui.matching.escalation.*}
   *
   * @param workingDays working days, on the network's calendar, after which a RED case neither
   *     answered nor closed goes to the office of the next level up (the city's, then the
   *     province's)
   */
  public record Escalation(@DefaultValue("3") int workingDays) {}

  /** The working days of a new match's later stages, fixed at the push. */
  StageDays stageDays(Product product) {
    return new StageDays(
        workingDays(Stage.DECISION, product), workingDays(Stage.DISBURSEMENT, product));
  }

  /**
   * The working days the bank has for the stage of a match of the product: what the bank states for
   * the product where it does, the network's default otherwise.
   *
   * @param product the product as the catalog holds it; null when it holds it no more (retired)
   */
  int workingDays(Stage stage, Product product) {
    Integer own =
        product == null
            ? null
            : switch (stage) {
              case FIRST_ANSWER -> null;
              case DECISION -> product.decisionWorkingDays();
              case DISBURSEMENT -> product.disbursementWorkingDays();
            };
    if (own != null) {
      return own;
    }
    return switch (stage) {
      case FIRST_ANSWER -> deadlineWorkingDays;
      case DECISION -> decisionWorkingDays;
      case DISBURSEMENT -> disbursementWorkingDays;
    };
  }
}
