package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bank's system answering a match through the gateway, as its officer records each step. */
final class Answers {

  private static final Duration KNOWN = Duration.ofMinutes(2);

  private Answers() {}

  /**
   * Answers once credit-service knows the match: the bank may read it on its topic, or the county
   * on the demand's matches, a moment before the bank's answer API has stored it.
   */
  static void answer(Api bank, String matchId, Map<String, Object> answer) {
    String path = "/api/v1/matches/" + matchId;
    await().atMost(KNOWN).until(() -> bank.get(path).status(), status -> status == 200);
    Api.Reply reply = bank.post(path + "/responses", answer);
    assertThat(reply.status()).as("%s: %s", answer, reply.raw().body()).isEqualTo(201);
  }

  /** An approval on these terms, to which a test may add what else its bank decided. */
  static Map<String, Object> approval(String amount, String annualRate, int termMonths) {
    Map<String, Object> approval = new LinkedHashMap<>();
    approval.put("answer", "APPROVAL");
    approval.put("amount", amount);
    approval.put("annualRate", annualRate);
    approval.put("termMonths", termMonths);
    return approval;
  }

  /** Records a disbursement of this amount today. */
  static void disbursed(Api bank, String matchId, String amount) {
    answer(
        bank,
        matchId,
        Map.of(
            "answer", "DISBURSEMENT", "amount", amount, "disbursedOn", LocalDate.now().toString()));
  }
}
