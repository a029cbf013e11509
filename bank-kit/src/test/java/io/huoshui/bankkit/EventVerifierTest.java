package io.huoshui.bankkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventVerifierTest {

  private final EventVerifier verifier = new EventVerifier(ProducerExamples.JSON);

  @Test
  void everyExampleOfTheProducersIsReadAsItsEvent() throws Exception {
    for (EventKind kind : EventKind.values()) {
      assertThat(ProducerExamples.of(kind)).isNotEmpty();
      for (ObjectNode example : ProducerExamples.of(kind)) {
        MatchEvent event = verifier.verify(example.get("subject").asString(), example.toString());
        assertThat(event.envelope().type()).isEqualTo(kind.type());
        assertThat(event.matchId()).isEqualTo(example.get("data").get("matchId").asString());
      }
    }
  }

  @Test
  void aProposalCarriesTheAnonymisedDemandWithExactAmounts() throws Exception {
    ObjectNode example = ProducerExamples.of(EventKind.PROPOSED).get(0);
    MatchEvent.Proposed proposed =
        (MatchEvent.Proposed)
            verifier.verify(example.get("subject").asString(), example.toString());
    assertThat(proposed.demand().amountRequested())
        .isEqualByComparingTo(
            new BigDecimal(example.get("data").get("demand").get("amountRequested").asString()));
    assertThat(proposed.data().has("enterprise")).isFalse();
  }

  @Test
  void aPayloadOutsideItsSchemaIsRefusedNamingTheMember() {
    assertRefused(event -> ((ObjectNode) event.get("data")).remove("matchId"), "matchId");
    assertRefused(
        event -> ((ObjectNode) event.get("data").get("demand")).put("amountRequested", 7e7),
        "amountRequested");
  }

  @Test
  void anEnvelopeThatIsNotCloudEvents10IsRefused() {
    assertRefused(event -> event.put("specversion", "0.3"), "specversion");
    assertRefused(event -> event.remove("id"), "id");
    assertRefused(event -> event.put("time", "yesterday"), "time");
    assertRefused(event -> event.put("dataschema", "https://example.com/other.json"), "dataschema");
    assertRefused(event -> event.put("type", "io.huoshui.matching.NoMatch.v1"), "NoMatch");
  }

  @Test
  void aRecordKeyedOtherThanItsSubjectIsRefused() {
    ObjectNode example = ProducerExamples.of(EventKind.RELEASED).get(0);
    assertThatThrownBy(() -> verifier.verify("another-key", example.toString()))
        .isInstanceOf(EventVerifier.InvalidEvent.class)
        .hasMessageContaining("another-key");
  }

  private void assertRefused(Consumer<ObjectNode> change, String named) {
    ObjectNode example = ProducerExamples.of(EventKind.PROPOSED).get(0);
    change.accept(example);
    assertThatThrownBy(
            () -> verifier.verify(example.path("subject").asString(), example.toString()))
        .isInstanceOf(EventVerifier.InvalidEvent.class)
        .hasMessageContaining(named);
  }
}
