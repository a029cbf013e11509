package io.huoshui.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** What a consumer's handlers refuse before any effect runs. */
class EventHandlersTest {

  private static final String SUBMITTED = "io.huoshui.test.DemandSubmitted.v1";

  record Enterprise(String name, @MayBeAbsent String contact) {}

  record DemandSubmitted(
      UUID projectId, Enterprise enterprise, BigDecimal amount, @MayBeAbsent String note) {}

  private final EventCodec codec =
      new EventCodec(
          JsonMapper.builder().build(),
          Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
          URI.create("/huoshui/test"));
  private final List<DemandSubmitted> applied = new ArrayList<>();
  private final EventHandlers handlers =
      EventHandlers.of("test")
          .on(
              SUBMITTED,
              DemandSubmitted.class,
              DemandSubmitted::projectId,
              (demand, delivery) -> Mono.fromRunnable(() -> applied.add(demand)))
          .build();

  @Test
  void aCompletePayloadAboutItsSubjectIsApplied() {
    UUID id = UUID.randomUUID();
    DemandSubmitted demand =
        new DemandSubmitted(id, new Enterprise("长子县玩具厂", null), new BigDecimal("3000000.00"), null);

    prepare(codec.envelope(SUBMITTED, id.toString(), demand, null)).block();

    assertThat(applied).containsExactly(demand);
  }

  @Test
  void aPayloadLackingARequiredMemberIsPoisonNamingIt() {
    UUID id = UUID.randomUUID();
    DemandSubmitted demand = new DemandSubmitted(id, new Enterprise(null, null), null, null);

    assertThatThrownBy(() -> prepare(codec.envelope(SUBMITTED, id.toString(), demand, null)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("enterprise.name")
        .hasMessageContaining("amount")
        .hasMessageNotContaining("note")
        .hasMessageNotContaining("contact");
    assertThat(applied).isEmpty();
  }

  @Test
  void aPayloadAboutAnotherSubjectIsPoison() {
    DemandSubmitted demand =
        new DemandSubmitted(
            UUID.randomUUID(), new Enterprise("潞尧", null), new BigDecimal("1.00"), null);
    String otherSubject = UUID.randomUUID().toString();

    assertThatThrownBy(() -> prepare(codec.envelope(SUBMITTED, otherSubject, demand, null)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("but its subject is " + otherSubject);
  }

  @Test
  void aTypeWithoutAHandlerHasNoEffect() {
    EventEnvelope other = codec.envelope("io.huoshui.test.Other.v1", "x", new Object(), null);

    assertThat(handlers.prepare(other, codec, delivery(other))).isEmpty();
  }

  @Test
  void aTypeCannotHaveTwoHandlers() {
    assertThatThrownBy(
            () ->
                EventHandlers.of("test")
                    .on(SUBMITTED, DemandSubmitted.class, (d, e) -> Mono.empty())
                    .on(SUBMITTED, DemandSubmitted.class, (d, e) -> Mono.empty()))
        .isInstanceOf(IllegalStateException.class);
  }

  private Mono<Void> prepare(EventEnvelope event) {
    return handlers.prepare(event, codec, delivery(event)).orElseThrow();
  }

  private static EventHandlers.Delivery delivery(EventEnvelope event) {
    return new EventHandlers.Delivery(event, "huoshui.test", 0);
  }
}
