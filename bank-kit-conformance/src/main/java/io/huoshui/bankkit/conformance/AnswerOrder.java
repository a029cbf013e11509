package io.huoshui.bankkit.conformance;

import java.util.List;
import java.util.Optional;

/**
 * Whether the answers recorded on a match came in the order of the network's rules: INTEREST first,
 * APPROVAL after it, DISBURSEMENT after APPROVAL, and all three given. The network refuses an
 * answer out of order and records nothing of it, so a bank that sends one out of order leaves a gap
 * here.
 */
final class AnswerOrder {

  private AnswerOrder() {}

  /** What is wrong with the recorded answers, oldest first; empty when they are in order. */
  static Optional<String> problem(List<String> recorded) {
    int interest = recorded.indexOf("INTEREST");
    int approval = recorded.indexOf("APPROVAL");
    int disbursement = recorded.indexOf("DISBURSEMENT");
    if (interest != 0) {
      return Optional.of(
          "第一个答复应为 INTEREST，已记录 %s / the first answer must be INTEREST, recorded %s"
              .formatted(recorded, recorded));
    }
    if (approval < 0) {
      return Optional.of(
          "INTEREST 之后没有 APPROVAL，已记录 %s / no APPROVAL after INTEREST".formatted(recorded));
    }
    if (disbursement < 0 || disbursement < approval) {
      return Optional.of(
          "APPROVAL 之后没有 DISBURSEMENT，已记录 %s / no DISBURSEMENT after APPROVAL".formatted(recorded));
    }
    return Optional.empty();
  }
}
