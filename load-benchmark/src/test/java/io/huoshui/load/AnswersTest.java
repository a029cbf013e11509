package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswersTest {

  @Test
  void aBankWaitsTwiceAsLongBeforeEachRetryUpToFiveSeconds() {
    assertThat(Answers.pause(0)).isEqualTo(Duration.ofMillis(250));
    assertThat(Answers.pause(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(Answers.pause(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Answers.pause(5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Answers.pause(30)).isEqualTo(Duration.ofSeconds(5));
    // Nine pauses between ten attempts: long enough for credit-service to learn of a slow match.
    Duration total =
        IntStream.range(0, 9).mapToObj(Answers::pause).reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isEqualTo(Duration.ofMillis(27_750));
  }
}
