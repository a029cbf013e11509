package io.huoshui.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.calendar.CalendarFiles;
import io.huoshui.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Escalation by level on the network's calendar as it ships, three working days a level: a decision
 * due on Tuesday 20 October 2026 turns RED on Monday 26.
 */
class EscalationTest {

  private static final LocalDate DUE = LocalDate.of(2026, 10, 20);

  private final WorkingCalendar calendar =
      WorkingCalendar.of(
          List.of(CalendarFiles.read(getClass().getResourceAsStream("/calendar/cn-2026.json"))));

  @Test
  void aCountyMatchGoesToTheCountyOnTheRedDayThenTheCityAndTheProvinceThreeWorkingDaysApart() {
    assertThat(Escalation.redOn(calendar, DUE)).isEqualTo(LocalDate.of(2026, 10, 26));
    assertThat(due(Tier.COUNTY, null, "2026-10-26")).containsExactly(Tier.COUNTY);
    assertThat(due(Tier.COUNTY, Tier.COUNTY, "2026-10-28")).isEmpty();
    assertThat(due(Tier.COUNTY, Tier.COUNTY, "2026-10-29")).containsExactly(Tier.CITY);
    assertThat(Escalation.nextOn(calendar, DUE, Tier.COUNTY, Tier.CITY, 3))
        .isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(Escalation.nextOn(calendar, DUE, Tier.COUNTY, Tier.PROVINCE, 3)).isNull();
  }

  @Test
  void aSweepThatMissedDaysReachesEveryLevelDueInOrder() {
    assertThat(due(Tier.COUNTY, null, "2026-11-03"))
        .containsExactly(Tier.COUNTY, Tier.CITY, Tier.PROVINCE);
    assertThat(due(Tier.COUNTY, Tier.CITY, "2026-11-30")).containsExactly(Tier.PROVINCE);
  }

  @Test
  void aCityBanksMatchGoesToTheCityFirstAndNeverToTheCounty() {
    assertThat(due(Tier.CITY, null, "2026-10-26")).containsExactly(Tier.CITY);
    assertThat(due(Tier.CITY, Tier.CITY, "2026-10-29")).containsExactly(Tier.PROVINCE);
    assertThat(due(Tier.PROVINCE, null, "2026-11-30")).containsExactly(Tier.PROVINCE);
  }

  @Test
  void beforeTheRedDayNoLevelIsDue() {
    assertThat(due(Tier.COUNTY, null, "2026-10-23")).isEmpty();
  }

  private List<Tier> due(Tier first, Tier reached, String today) {
    return Escalation.due(calendar, DUE, first, reached, 3, LocalDate.parse(today));
  }
}
