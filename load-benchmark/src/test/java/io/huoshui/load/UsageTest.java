package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class UsageTest {

  private static Processes.Sample sample(String name, long ticks, long pssKb) {
    return new Processes.Sample(name, 1, 1, ticks, ticks / 5, pssKb);
  }

  private static ServiceMeters.Reading reading(double gcSeconds, OptionalDouble sql) {
    return new ServiceMeters.Reading(OptionalDouble.of(gcSeconds), sql);
  }

  @Test
  void deltasOverTheStepAndMemoryAtTheEndOfTheLoad() {
    List<Usage> usage =
        Usage.between(
            Map.of("matching-service", sample("matching-service", 1_000, 300_000)),
            Map.of("matching-service", sample("matching-service", 1_450, 280_000)),
            Map.of("matching-service", sample("matching-service", 1_400, 310_000)),
            Map.of("matching-service", reading(1.5, OptionalDouble.of(100))),
            Map.of("matching-service", reading(1.75, OptionalDouble.of(4_100))),
            ticks -> ticks * 10.0);

    assertThat(usage).hasSize(1);
    Usage matching = usage.get(0);
    assertThat(matching.cpuMillis()).isCloseTo(4_500, within(1e-9));
    assertThat(matching.compilerMillis()).isCloseTo(900, within(1e-9));
    assertThat(matching.pssKb()).isEqualTo(310_000);
    assertThat(matching.gcMillis().getAsDouble()).isCloseTo(250, within(1e-9));
    assertThat(matching.sqlStatements().getAsDouble()).isCloseTo(4_000, within(1e-9));
  }

  @Test
  void processesWithoutMetersOrGoneHaveNoFigure() {
    List<Usage> usage =
        Usage.between(
            Map.of("kafka", sample("kafka", 10, 500_000), "gateway", sample("gateway", 10, 1)),
            Map.of("kafka", sample("kafka", 30, 510_000)),
            Map.of(),
            Map.of(),
            Map.of(),
            ticks -> ticks * 10.0);

    assertThat(usage).extracting(Usage::name).containsExactly("kafka");
    assertThat(usage.get(0).pssKb()).isEqualTo(510_000);
    assertThat(usage.get(0).gcMillis()).isEmpty();
    assertThat(usage.get(0).sqlStatements()).isEmpty();
  }

  @Test
  void aCounterFirstSeenAfterTheStepStartedCountsFromZero() {
    List<Usage> usage =
        Usage.between(
            Map.of("credit-service", sample("credit-service", 0, 0)),
            Map.of("credit-service", sample("credit-service", 0, 0)),
            Map.of(),
            Map.of("credit-service", reading(0, OptionalDouble.empty())),
            Map.of("credit-service", reading(0, OptionalDouble.of(42))),
            ticks -> ticks * 10.0);
    assertThat(usage.get(0).sqlStatements()).isEqualTo(OptionalDouble.of(42));
  }
}
