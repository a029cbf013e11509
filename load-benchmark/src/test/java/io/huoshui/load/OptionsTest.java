package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsAreTheFourStepsOfAMinuteAndTheProbe() {
    Options options = Options.parse();
    assertThat(options.rates()).containsExactly(10.0, 50.0, 100.0, 200.0);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.probeConcurrency()).isEqualTo(64);
    assertThat(options.probeDuration()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void shortTrialsChooseTheirRatesAndDuration() {
    Options options =
        Options.parse("--rates", "10, 50", "--duration", "20", "--probe-concurrency", "0");
    assertThat(options.rates()).isEqualTo(List.of(10.0, 50.0));
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.probeConcurrency()).isZero();
  }

  @Test
  void refusesARateOfZeroAndAStepOfNoTime() {
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rates", "10,0"));
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--duration", "0"));
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "10"));
  }
}
