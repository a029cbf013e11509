package io.huoshui.notification.intake;

import static io.huoshui.notification.EventData.demand;
import static io.huoshui.notification.EventData.exhausted;
import static io.huoshui.notification.EventData.proposed;
import static io.huoshui.notification.EventData.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The outcomes of a demand's life that end a bank's part in it, on matching's own examples. */
class LifecycleNoticesTest extends NotificationServiceTest {

  @Autowired DeadlineReminders reminders;
  @Autowired KnowledgeStore knowledge;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anExhaustedDemandIsToldToTheCountyAndToTheOperatorsAboveItChineseFirst() {
    String county = freshCounty();
    UUID project = UUID.randomUUID();
    producers.publish(
        Topics.PROJECTS,
        EventTypes.PROJECT_SUBMITTED,
        project.toString(),
        demand(project, county, "潞尧食用菌扩产"));
    // The demand and its exhaustion travel on two topics: the title is known before it is named.
    await()
        .atMost(PATIENCE)
        .until(() -> knowledge.projectTitle(project).block(), "潞尧食用菌扩产"::equals);
    producers.publish(
        Topics.MATCHES,
        EventTypes.DEMAND_EXHAUSTED,
        project.toString(),
        exhausted(project, county));

    List<JsonNode> toCounty =
        awaitNotifications(
            TestTokens.county(county), project.toString(), found -> !found.isEmpty());
    assertThat(kinds(toCounty)).containsExactly("DEMAND_EXHAUSTED");
    JsonNode notice = toCounty.get(0);
    assertThat(notice.get("title").asString()).isEqualTo("融资需求暂无银行承接");
    assertThat(notice.get("body").asString())
        .contains("潞尧食用菌扩产", "2 家银行", "婉拒：抵质押物不足", "超时未答复", "自动重新推送");
    assertThat(notice.get("data").get("tried")).hasSize(2);
    for (String region : List.of("14", county.substring(0, 4), county)) {
      List<JsonNode> toOperator =
          awaitNotifications(
              TestTokens.operator(region), project.toString(), found -> !found.isEmpty());
      assertThat(kinds(toOperator)).as(region).containsExactly("DEMAND_EXHAUSTED");
      assertThat(toOperator.get(0).get("title").asString()).contains(county, "暂无银行承接");
    }
    JsonNode english =
        get(
            TestTokens.county(county),
            "/api/v1/notifications/" + notice.get("id").asString() + "?lang=en");
    assertThat(english.get("body").asString())
        .contains("declined: insufficient collateral", "no answer in time");
  }

  @Test
  void aMatchReleasedBecauseTheDemandIsFinancedOrClosedIsNotReminded() {
    String county = freshCounty();
    String bank = "shanxi-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID financed = UUID.randomUUID();
    UUID closed = UUID.randomUUID();
    UUID live = UUID.randomUUID();
    LocalDate deadline = LocalDate.of(2026, 12, 3);
    for (UUID match : List.of(financed, closed, live)) {
      producers.publish(
          Topics.MATCHES,
          EventTypes.MATCH_PROPOSED,
          project.toString(),
          proposed(match, project, county, bank, UUID.randomUUID(), deadline));
    }
    producers.publish(
        Topics.MATCHES,
        EventTypes.MATCH_RELEASED,
        project.toString(),
        released(financed, project, county, bank, "FINANCED"));
    producers.publish(
        Topics.MATCHES,
        EventTypes.MATCH_RELEASED,
        project.toString(),
        released(closed, project, county, bank, "CLOSED"));
    // The proposal after the releases, on the same partition: once it is read, so are they.
    UUID marker = UUID.randomUUID();
    producers.publish(
        Topics.MATCHES,
        EventTypes.MATCH_PROPOSED,
        project.toString(),
        proposed(marker, project, county, bank, UUID.randomUUID(), deadline.plusDays(30)));
    String token = TestTokens.bank(bank);
    awaitNotifications(token, project.toString(), found -> found.size() == 4);

    setChinaTime(deadline.minusDays(1));
    reminders.sweep().block();

    assertThat(
            ofKind(token, project.toString(), "DEADLINE_NEAR").stream()
                .map(n -> n.get("data").get("matchId").asString()))
        .containsExactly(live.toString());
  }
}
