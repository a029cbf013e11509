package io.huoshui.notification.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A match this service learnt of from MatchProposed: who holds which demand until when, and the
 * working days of its later stages as announced (null when announced without them).
 */
record KnownMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String productName,
    BigDecimal amountRequested,
    LocalDate deadline,
    Integer decisionWorkingDays,
    Integer disbursementWorkingDays) {

  /** The working days the match announced for a later stage, null when it announced none. */
  Integer workingDays(Stage stage) {
    return switch (stage) {
      case DECISION -> decisionWorkingDays;
      case DISBURSEMENT -> disbursementWorkingDays;
      case FIRST_ANSWER -> null;
    };
  }
}
