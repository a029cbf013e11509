package io.huoshui.bankkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.bankkit.Answer;
import io.huoshui.bankkit.EventVerifier;
import io.huoshui.bankkit.MatchEvent;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample's rule on matching-service's own example proposals: a province bank's (70,000,000 CNY,
 * 60 months) and a county bank's that offers three policy instruments.
 */
class DeskTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final BigDecimal RATE = new BigDecimal("4.350");

  @Test
  void aDemandWithinTheLimitIsAnsweredInterestThenApprovalThenDisbursementOfItAll()
      throws Exception {
    List<Answer> answers =
        new Desk(new BigDecimal("100000000"), RATE, false).answers(proposal(), TODAY);

    assertThat(answers)
        .extracting(Answer::answer)
        .containsExactly("INTEREST", "APPROVAL", "DISBURSEMENT");
    assertThat(answers).allSatisfy(answer -> assertThat(answer.amount()).isEqualTo("70000000.00"));
    assertThat(answers.get(1).termMonths()).isEqualTo(60);
    assertThat(answers.get(2).disbursedOn()).isEqualTo(TODAY);
  }

  @Test
  void theApprovalUsesEveryInstrumentTheProposalOffersAndTheOtherAnswersNone() throws Exception {
    List<Answer> answers =
        new Desk(new BigDecimal("100000000"), RATE, false)
            .answers(proposal("guaranteed-first-loan"), TODAY);

    assertThat(answers.get(1).answer()).isEqualTo("APPROVAL");
    assertThat(answers.get(1).instruments())
        .containsExactly(
            "3a6f1d2e-8b4c-4f7a-9e5d-1c2b3a4d5e61",
            "5c8e2f3a-1d4b-4e6c-8a7f-2b3c4d5e6f72",
            "7e1a3b4c-2d5e-4f8a-9b6c-3d4e5f6a7b83");
    assertThat(answers.get(0).instruments()).isNull();
    assertThat(answers.get(2).instruments()).isNull();
    // A proposal that offers none is approved without instruments.
    assertThat(
            new Desk(new BigDecimal("100000000"), RATE, false)
                .answers(proposal(), TODAY)
                .get(1)
                .instruments())
        .isNull();
  }

  @Test
  void aDemandAboveTheLimitIsDeclinedAsTooLarge() throws Exception {
    List<Answer> answers =
        new Desk(new BigDecimal("50000000"), RATE, false).answers(proposal(), TODAY);

    assertThat(answers).extracting(Answer::answer).containsExactly("DECLINE");
    assertThat(answers.get(0).reasonCode()).isEqualTo("AMOUNT_TOO_LARGE");
  }

  @Test
  void theMisbehavingDeskApprovesBeforeItDeclaresInterest() throws Exception {
    assertThat(new Desk(new BigDecimal("100000000"), RATE, true).answers(proposal(), TODAY))
        .extracting(Answer::answer)
        .containsExactly("APPROVAL", "INTEREST", "DISBURSEMENT");
  }

  private static MatchEvent.Proposed proposal() throws Exception {
    return proposal("province-bank");
  }

  private static MatchEvent.Proposed proposal(String name) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    try (InputStream in =
        DeskTest.class.getResourceAsStream("/examples/MatchProposed.v1/" + name + ".json")) {
      JsonNode example = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      ((ObjectNode) example).put("source", "/huoshui/credit-service");
      return (MatchEvent.Proposed)
          new EventVerifier(json).verify(example.get("subject").asString(), example.toString());
    }
  }
}
