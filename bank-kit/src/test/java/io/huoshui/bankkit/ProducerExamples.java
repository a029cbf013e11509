package io.huoshui.bankkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * matching-service's example envelopes of the bank's event types, copied by this module's build
 * from the producer's tree, as they reach the bank: written to its topic by credit-service.
 */
final class ProducerExamples {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private ProducerExamples() {}

  static List<ObjectNode> of(EventKind kind) {
    String type = kind.type();
    String directory = "examples/" + type.substring("io.huoshui.matching.".length());
    URL found = ProducerExamples.class.getClassLoader().getResource(directory);
    if (found == null) {
      throw new AssertionError("no producer examples of " + type + " at " + directory);
    }
    try (Stream<Path> files = Files.list(Path.of(found.toURI()))) {
      return files.sorted().map(ProducerExamples::asOnTheBankTopic).toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode asOnTheBankTopic(Path file) {
    try {
      ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return event.put("source", "/huoshui/credit-service");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
