package io.huoshui.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A portal's live notification stream: Server-Sent Events read line by line, as a browser's
 * EventSource does, resuming after a given {@code Last-Event-ID}.
 */
final class SseStream implements AutoCloseable {

  /** One event: its id (the resume point) and its data. */
  record Event(String id, String data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile Stream<String> lines;

  private SseStream(Api client, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SystemNetwork.GATEWAY + "/api/v1/notifications/stream"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + client.token());
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    reader = new Thread(() -> read(request.build()), "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static SseStream open(Api client, String lastEventId) {
    return new SseStream(client, lastEventId);
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  private void read(HttpRequest request) {
    try {
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
      lines = response.body();
      String[] id = {null};
      StringBuilder data = new StringBuilder();
      lines.forEach(
          line -> {
            if (line.startsWith("id:")) {
              id[0] = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
              data.append(line.substring(5).trim());
            } else if (line.isEmpty() && !data.isEmpty()) {
              events.add(new Event(id[0], data.toString()));
              data.setLength(0);
            }
          });
    } catch (Exception closed) {
      // The stream ends when the test closes it or the network goes down; what arrived stays.
    }
  }

  @Override
  public void close() {
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
