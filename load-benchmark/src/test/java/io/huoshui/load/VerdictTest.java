package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static PathStats.Percentiles median(double ms) {
    return new PathStats.Percentiles(100, ms, ms, ms, ms);
  }

  @Test
  void aBacklogIsBoundedWhileTheLastThirdWaitsAtMostTwiceAsLongAsTheFirst() {
    assertThat(Verdict.bounded(median(400), median(800))).isTrue();
    assertThat(Verdict.bounded(median(400), median(801))).isFalse();
  }

  @Test
  void smallTimesMayGrowByTheSlackWithoutCountingAsABacklog() {
    assertThat(Verdict.bounded(median(20), median(220))).isTrue();
    assertThat(Verdict.bounded(median(20), median(221))).isFalse();
  }

  @Test
  void aThirdWithoutDecisionsIsNoEvidenceOfABoundedBacklog() {
    PathStats.Percentiles none =
        new PathStats.Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    assertThat(Verdict.bounded(median(20), none)).isFalse();
    assertThat(Verdict.bounded(none, median(20))).isFalse();
  }

  @Test
  void sustainableOnlyWithEveryConditionMet() {
    assertThat(Verdict.of(0, true, 0, 1000).sustainable()).isTrue();
    assertThat(Verdict.of(1, true, 0, 150).reasons()).containsExactly("1 error(s)");
    assertThat(Verdict.of(0, false, 0, 150).reasons()).containsExactly("backlog growing");
    assertThat(Verdict.of(0, true, 3, 150).reasons())
        .containsExactly("3 demand(s) without a proposal after the drain");
    assertThat(Verdict.of(0, true, 0, 1000.1).sustainable()).isFalse();
    assertThat(Verdict.of(0, true, 0, Double.NaN).reasons())
        .containsExactly("no proposal reached a bank");
  }

  @Test
  void theHighestSustainableStepCountsEvenAboveAFailedOne() {
    Verdict yes = Verdict.of(0, true, 0, 100);
    Verdict no = Verdict.of(2, true, 0, 100);
    assertThat(
            Verdict.highestSustainable(
                List.of(10.0, 50.0, 100.0, 200.0), List.of(yes, no, yes, no)))
        .isEqualTo(OptionalDouble.of(100.0));
    assertThat(Verdict.highestSustainable(List.of(10.0, 50.0), List.of(no, no))).isEmpty();
  }
}
