package io.huoshui.notification;

import static org.awaitility.Awaitility.await;

import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.RealInfrastructure;
import io.huoshui.testsupport.TestClock;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service against real PostgreSQL and Kafka, on the same context as its platform contract test:
 * the same annotations, so Spring starts it once for all test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealInfrastructure(database = "notification")
public abstract class NotificationServiceTest {

  /** Counties of Changzhi (1404) that no other test uses: 140450, 140451, ... */
  private static final AtomicInteger NEXT_COUNTY = new AtomicInteger(50);

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired protected WebTestClient http;
  @Autowired protected JsonMapper json;
  @Autowired protected Producers producers;
  @Autowired protected TestClock clock;

  protected static String freshCounty() {
    return "1404" + NEXT_COUNTY.getAndIncrement();
  }

  /**
   * A bank's decline of a demand of the county, credit's own example played for a demand and a
   * match of the test's own: the tests' usual way to notify a county.
   */
  protected void publishDecline(String county, UUID project) {
    EventEnvelope decline =
        Contracts.example(EventTypes.BANK_RESPONDED, "decline")
            .about(project.toString())
            .envelope();
    ((ObjectNode) decline.data())
        .put("county", county)
        .put("matchId", UUID.randomUUID().toString())
        .put("responseId", UUID.randomUUID().toString());
    producers.send(Topics.BANK_RESPONSES, decline);
  }

  protected JsonNode get(String token, String uri) {
    return json.readTree(
        http.get()
            .uri(uri)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
  }

  /** The caller's notifications about one subject (newest first), from its first 100. */
  protected List<JsonNode> notificationsAbout(String token, String subject, String query) {
    List<JsonNode> found = new ArrayList<>();
    get(token, "/api/v1/notifications?size=100" + query)
        .get("items")
        .forEach(
            item -> {
              if (item.get("subject").asString().equals(subject)) {
                found.add(item);
              }
            });
    return found;
  }

  protected List<JsonNode> notificationsAbout(String token, String subject) {
    return notificationsAbout(token, subject, "");
  }

  /** The caller's notifications of that kind about the subject (newest first). */
  protected List<JsonNode> ofKind(String token, String subject, String kind) {
    return notificationsAbout(token, subject).stream()
        .filter(n -> n.get("kind").asString().equals(kind))
        .toList();
  }

  /** The injected clock at ten in the morning of that day in China. */
  protected void setChinaTime(LocalDate day) {
    clock.set(day.atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant());
  }

  /** Waits until the caller's notifications about the subject satisfy the condition. */
  protected List<JsonNode> awaitNotifications(
      String token, String subject, Predicate<List<JsonNode>> condition) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> notificationsAbout(token, subject), condition);
  }

  protected static List<String> kinds(List<JsonNode> notifications) {
    return notifications.stream().map(n -> n.get("kind").asString()).toList();
  }
}
