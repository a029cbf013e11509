package io.huoshui.matching.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a financial office did about a demand under supervision, and who did it.
 *
 * @param matchId ACKNOWLEDGED and CLOSED: the match whose case it is; PUSHED: the new match; null
 *     for REOPENED
 * @param bankCode the bank of the match, null without one
 * @param productId the product of the match, null without one
 * @param reason CLOSED: the closure's reason; PUSHED: NEXT_TIER or NAMED_PRODUCT; null otherwise
 * @param operatorRegion the division code of the acting office
 * @param clientId the acting API client
 * @param requestId the request it acted in
 */
public record SupervisionAction(
    UUID actionId,
    UUID projectId,
    String county,
    Kind action,
    UUID matchId,
    String bankCode,
    UUID productId,
    String reason,
    String note,
    String operatorRegion,
    String clientId,
    String requestId,
    Instant actedAt) {

  /** The four things an office does. */
  public enum Kind {
    ACKNOWLEDGED,
    CLOSED,
    PUSHED,
    REOPENED
  }

  /** Where an office pushes a demand. */
  public enum Target {
    /** The best fitting product of a tier beyond every tier the demand has reached. */
    NEXT_TIER,
    /** A product the office names, inside the automatic fit or not. */
    PRODUCT
  }

  /** The acting office and client: what every action records. */
  public record Acting(String operatorRegion, String clientId, String requestId) {}

  /** An action about one match of the demand. */
  public static SupervisionAction about(
      Match match, Kind action, String reason, String note, Acting acting, Instant at) {
    return new SupervisionAction(
        UUID.randomUUID(),
        match.projectId(),
        match.county(),
        action,
        match.matchId(),
        match.bankCode(),
        match.productId(),
        reason,
        note,
        acting.operatorRegion(),
        acting.clientId(),
        acting.requestId(),
        at);
  }

  /** An action about the demand as a whole (a re-opening). */
  public static SupervisionAction aboutDemand(
      UUID projectId, String county, Kind action, String note, Acting acting, Instant at) {
    return new SupervisionAction(
        UUID.randomUUID(),
        projectId,
        county,
        action,
        null,
        null,
        null,
        null,
        note,
        acting.operatorRegion(),
        acting.clientId(),
        acting.requestId(),
        at);
  }
}
