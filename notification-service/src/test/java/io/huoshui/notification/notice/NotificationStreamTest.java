package io.huoshui.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.testsupport.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** The live stream resumes from Last-Event-ID and never skips or repeats a notification. */
class NotificationStreamTest extends NotificationServiceTest {

  private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
      new ParameterizedTypeReference<>() {};

  @Test
  void aReconnectingClientGetsWhatItMissedThenTheLiveOnes() {
    String county = freshCounty();
    String token = TestTokens.county(county);
    for (int i = 0; i < 3; i++) {
      publishDecline(county, UUID.randomUUID());
    }
    awaitCount(token, 3);

    CompletableFuture<List<ServerSentEvent<String>>> received =
        stream(token, "1").take(4).collectList().toFuture();
    publishDecline(county, UUID.randomUUID());
    publishDecline(county, UUID.randomUUID());

    List<ServerSentEvent<String>> events = received.join();
    assertThat(events).extracting(ServerSentEvent::id).containsExactly("2", "3", "4", "5");
    assertThat(events).extracting(ServerSentEvent::event).containsOnly("BANK_DECLINE");
    assertThat(json.readTree(events.get(0).data()).get("body").asString()).contains("抵质押物不足");
  }

  @Test
  void resumingWhileNotificationsArriveNeitherSkipsNorRepeats() {
    String county = freshCounty();
    String token = TestTokens.county(county);
    int total = 30;
    for (int i = 0; i < 10; i++) {
      publishDecline(county, UUID.randomUUID());
    }
    awaitCount(token, 5);

    // The client reconnects while the rest are still being written: some are replayed from the
    // table, some arrive live, and the switch between the two falls somewhere in between.
    CompletableFuture<List<ServerSentEvent<String>>> received =
        stream(token, "3").take(total - 3).collectList().toFuture();
    for (int i = 10; i < total; i++) {
      publishDecline(county, UUID.randomUUID());
    }

    assertThat(received.join())
        .extracting(event -> Long.parseLong(event.id()))
        .containsExactlyElementsOf(LongStream.rangeClosed(4, total).boxed().toList());
  }

  @Test
  void aClientWithoutLastEventIdGetsOnlyWhatComesAfterItConnects() throws Exception {
    String county = freshCounty();
    String token = TestTokens.county(county);
    publishDecline(county, UUID.randomUUID());
    awaitCount(token, 1);

    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<List<ServerSentEvent<String>>> received =
        events(token, null)
            .doOnNext(
                event -> {
                  if ("connected".equals(event.comment())) {
                    connected.complete(null);
                  }
                })
            .filter(event -> event.id() != null)
            .take(1)
            .collectList()
            .toFuture();
    // Published once the stream says it has read where it starts, however long that took.
    connected.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    publishDecline(county, UUID.randomUUID());

    assertThat(received.join()).extracting(ServerSentEvent::id).containsExactly("2");
  }

  /** The notification events of the stream (keep-alive comments left out). */
  private Flux<ServerSentEvent<String>> stream(String token, String lastEventId) {
    return events(token, lastEventId).filter(event -> event.id() != null);
  }

  /** Everything the stream sends, comments included. */
  private Flux<ServerSentEvent<String>> events(String token, String lastEventId) {
    return http.mutate()
        .responseTimeout(PATIENCE)
        .build()
        .get()
        .uri("/api/v1/notifications/stream")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(
            h -> {
              h.setBearerAuth(token);
              if (lastEventId != null) {
                h.set("Last-Event-ID", lastEventId);
              }
            })
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(EVENTS)
        .getResponseBody()
        .timeout(PATIENCE);
  }

  private void awaitCount(String token, int count) {
    org.awaitility.Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> get(token, "/api/v1/notifications").get("totalItems").asInt() >= count);
  }
}
