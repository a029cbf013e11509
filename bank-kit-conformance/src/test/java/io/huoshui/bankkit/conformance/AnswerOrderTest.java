package io.huoshui.bankkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerOrderTest {

  @Test
  void interestThenApprovalThenDisbursementsAreInOrder() {
    assertThat(AnswerOrder.problem(List.of("INTEREST", "APPROVAL", "DISBURSEMENT"))).isEmpty();
    assertThat(AnswerOrder.problem(List.of("INTEREST", "APPROVAL", "DISBURSEMENT", "DISBURSEMENT")))
        .isEmpty();
  }

  @Test
  void anApprovalSentBeforeInterestLeavesAGapThatIsNamed() {
    // The network refused the APPROVAL and the DISBURSEMENT that followed it: only INTEREST stays.
    assertThat(AnswerOrder.problem(List.of("INTEREST"))).get().asString().contains("no APPROVAL");
    assertThat(AnswerOrder.problem(List.of())).get().asString().contains("must be INTEREST");
    assertThat(AnswerOrder.problem(List.of("INTEREST", "APPROVAL")))
        .get()
        .asString()
        .contains("no DISBURSEMENT");
  }

  @Test
  void theReportExitsZeroOnlyWithoutAFailureAndNamesEachLine() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8));
    report.check(true, "first", "");
    report.skip("second", "cannot be provoked");
    assertThat(report.finish()).isZero();
    report.check(false, "third", "why");

    assertThat(report.finish()).isEqualTo(1);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("PASS  1. first")
        .contains("SKIP  2. second — cannot be provoked")
        .contains("FAIL  3. third — why");
  }
}
