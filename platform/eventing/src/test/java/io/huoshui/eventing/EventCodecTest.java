package io.huoshui.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final EventCodec codec =
      new EventCodec(
          JsonMapper.builder().build(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          URI.create("/huoshui/project-service"));

  record CreditGranted(String bank, BigDecimal amount) {}

  @Test
  void moneyTravelsAsAnExactDecimalStringAndComesBackWithItsScale() {
    BigDecimal amount = new BigDecimal("123456789012345678.90");
    EventEnvelope written =
        codec.envelope(
            "io.huoshui.test.CreditGranted.v1",
            "demand-1",
            new CreditGranted("晋商银行", amount),
            null);

    String wire = codec.write(written);
    CreditGranted read = codec.payload(codec.read(wire), CreditGranted.class);

    assertThat(wire).contains("\"amount\":\"123456789012345678.90\"").contains("晋商银行");
    assertThat(read.amount()).isEqualTo(amount).hasScaleOf(2);
  }

  @Test
  void anEnvelopeCarriesTheCloudEventsAttributesAndTheInjectedTime() {
    EventEnvelope event = codec.envelope("io.huoshui.test.Noted.v1", "s", new Object[0], null);

    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.time()).isEqualTo(NOW);
    assertThat(event.source()).hasToString("/huoshui/project-service");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(codec.write(event))
        .doesNotContain("dataschema")
        .contains("\"time\":\"2026-11-25T08:00:00Z\"");
  }

  @Test
  void somethingThatIsNotAnEnvelopeIsPoison() {
    assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(() -> codec.read("null")).isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () ->
                codec.read(
                    """
                    {"specversion":"0.3","id":"1","source":"/x","type":"t","subject":"s","time":"2026-11-25T08:00:00Z"}
                    """))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("specversion");
    assertThatThrownBy(
            () ->
                codec.read(
                    """
                    {"specversion":"1.0","source":"/x","type":"t","subject":"s","time":"2026-11-25T08:00:00Z"}
                    """))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("lacks");
  }

  @Test
  void aPayloadThatDoesNotFitItsTypeIsPoison() {
    EventEnvelope event =
        codec.read(
            """
            {"specversion":"1.0","id":"1","source":"/x","type":"t","subject":"s",
             "time":"2026-11-25T08:00:00Z","data":{"bank":"山西银行","amount":"seventy million"}}
            """);

    assertThatThrownBy(() -> codec.payload(event, CreditGranted.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("CreditGranted");
  }

  @Test
  void anEventWithoutTypeOrSubjectIsRefusedAtTheSource() {
    assertThatThrownBy(() -> codec.envelope(" ", "s", "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codec.envelope("t", null, "x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
