package io.huoshui.notification.intake;

/**
 * What a bank owes a match next, as matching-service runs its clocks (docs/matching.md): a first
 * answer after the push, a credit decision after INTEREST, a first disbursement after APPROVAL.
 */
enum Stage {
  FIRST_ANSWER,
  DECISION,
  DISBURSEMENT;

  /** The stage that an answer starts; null when it stops the clock (a decline, a disbursement). */
  static Stage startedBy(String answer) {
    return switch (answer) {
      case "INTEREST" -> DECISION;
      case "APPROVAL" -> DISBURSEMENT;
      default -> null;
    };
  }
}
