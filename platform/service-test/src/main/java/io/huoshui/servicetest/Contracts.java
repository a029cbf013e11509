package io.huoshui.servicetest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.vocabulary.EventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's event contracts as their producers own them: each producer keeps, under its {@code
 * src/main/resources/schemas}, the JSON Schema of every event type it publishes ({@code
 * <Event>.v1.json}, named by {@link EventTypes#schemaOf}) and example envelopes of it ({@code
 * examples/<Event>.v1/<case>.json}). A producer's tests check what it really writes against the
 * schema; a consumer's tests feed it the producer's examples instead of payloads of their own
 * making, so that a producer's rename breaks the consumer's build, not production.
 *
 * <p>Tests run in their module's directory; the producers' files are read from the repository, so
 * that no service depends on another's artifact.
 */
public final class Contracts {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCHEMA_BASE = "https://huoshui.io/schemas/";
  private static final Path ROOT = repositoryRoot();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemas(Contracts::schemaTextOrNull));

  private Contracts() {}

  /** An example envelope of an event type, as its producer publishes it. */
  public record Example(String name, EventEnvelope envelope) {

    /** The example's envelope as it travels (a Kafka record's value). */
    public String wire() {
      return JSON.writeValueAsString(envelope);
    }

    /**
     * The same example about another subject, with an event id of its own: the subject is replaced
     * wherever the payload names it, so that a test can play the example for a demand of its own.
     */
    public Example about(String subject) {
      String old = envelope.subject();
      JsonNode data = JSON.readTree(JSON.writeValueAsString(envelope.data()).replace(old, subject));
      return new Example(
          name,
          new EventEnvelope(
              envelope.specversion(),
              UUID.randomUUID().toString(),
              envelope.source(),
              envelope.type(),
              subject,
              envelope.time(),
              envelope.datacontenttype(),
              envelope.dataschema(),
              data));
    }
  }

  /** Every event type the network names ({@link EventTypes}). */
  public static List<String> eventTypes() {
    List<String> types = new ArrayList<>();
    for (Field field : EventTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          types.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return types;
  }

  /** The producer's examples of an event type, in file-name order; at least one. */
  public static List<Example> examplesOf(String type) {
    Path directory = schemaDirectory(type).resolve("examples").resolve(schemaName(type));
    if (!Files.isDirectory(directory)) {
      throw new AssertionError("%s has no examples in %s".formatted(type, directory));
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Example> examples =
          files
              .filter(file -> file.getFileName().toString().endsWith(".json"))
              .sorted()
              .map(file -> new Example(caseName(file), read(file, EventEnvelope.class)))
              .toList();
      if (examples.isEmpty()) {
        throw new AssertionError("%s has no examples in %s".formatted(type, directory));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One named example of an event type. */
  public static Example example(String type, String name) {
    return examplesOf(type).stream()
        .filter(example -> example.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("%s has no example %s".formatted(type, name)));
  }

  /**
   * What is wrong with an event as its producer wrote it: the envelope must name the type's schema,
   * the payload must be valid against it and carry no member the schema does not describe (a
   * consumer may ignore members it does not know, but the documents must show every member).
   *
   * @return the violations, empty when the event conforms
   */
  public static List<String> violations(EventEnvelope event) {
    List<String> found = new ArrayList<>();
    URI expected = EventTypes.schemaOf(event.type());
    if (!expected.equals(event.dataschema())) {
      found.add("dataschema is %s, not %s".formatted(event.dataschema(), expected));
    }
    Schema schema = SCHEMAS.getSchema(SchemaLocation.of(expected.toString()));
    for (Error error : schema.validate(event.data())) {
      found.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    undescribed("$", resolve(schemaNode(expected.toString()), null), event.data(), found);
    return found;
  }

  /** Fails with every violation when the event does not conform to its published schema. */
  public static void assertConforms(EventEnvelope event) {
    List<String> found = violations(event);
    if (!found.isEmpty()) {
      throw new AssertionError(
          "%s %s does not conform to its schema:%n  %s"
              .formatted(event.type(), event.id(), String.join("\n  ", found)));
    }
  }

  /** The event types that {@code docs/events.md} documents. */
  public static Set<String> documentedEventTypes() {
    Set<String> documented = new TreeSet<>();
    String text = readString(ROOT.resolve("docs/events.md"));
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("`(io\\.huoshui\\.[a-z]+\\.[A-Za-z]+\\.v\\d+)`")
            .matcher(text);
    while (matcher.find()) {
      documented.add(matcher.group(1));
    }
    return documented;
  }

  /** The repository the tests run in. */
  public static Path repository() {
    return ROOT;
  }

  /** The schema file of an event type in its producer's tree. */
  public static Path schemaFile(String type) {
    return schemaDirectory(type).resolve(schemaName(type) + ".json");
  }

  private static void undescribed(
      String path, JsonNode schema, JsonNode value, List<String> found) {
    if (schema == null || value == null) {
      return;
    }
    if (value.isObject() && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      for (Iterator<Map.Entry<String, JsonNode>> members = value.properties().iterator();
          members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        JsonNode described = properties.get(member.getKey());
        if (described == null) {
          found.add("%s.%s is not described by the schema".formatted(path, member.getKey()));
        } else {
          undescribed(
              path + "." + member.getKey(), resolve(described, schema), member.getValue(), found);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      JsonNode items = resolve(schema.get("items"), schema);
      for (int i = 0; i < value.size(); i++) {
        undescribed(path + "[" + i + "]", items, value.get(i), found);
      }
    }
  }

  /** Follows a {@code $ref} to another schema file; local definitions carry no members. */
  private static JsonNode resolve(JsonNode schema, JsonNode enclosing) {
    JsonNode reference = schema.get("$ref");
    if (reference != null && reference.asString().startsWith(SCHEMA_BASE)) {
      return resolve(schemaNode(reference.asString()), null);
    }
    return schema;
  }

  private static JsonNode schemaNode(String iri) {
    String text = schemaTextOrNull(iri);
    if (text == null) {
      throw new AssertionError("no schema at " + iri);
    }
    return JSON.readTree(text);
  }

  /** A schema IRI's file in its producer's tree: {@code .../schemas/<service>/<Event>.v1.json}. */
  private static String schemaTextOrNull(String iri) {
    if (!iri.startsWith(SCHEMA_BASE)) {
      return null;
    }
    String[] parts = iri.substring(SCHEMA_BASE.length()).split("/");
    if (parts.length != 2) {
      return null;
    }
    Path file = ROOT.resolve(parts[0]).resolve("src/main/resources/schemas").resolve(parts[1]);
    return Files.isRegularFile(file) ? readString(file) : null;
  }

  private static Path schemaDirectory(String type) {
    String[] parts = EventTypes.schemaOf(type).getPath().split("/");
    return ROOT.resolve(parts[parts.length - 2]).resolve("src/main/resources/schemas");
  }

  private static String schemaName(String type) {
    String path = EventTypes.schemaOf(type).getPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.substring(0, file.length() - ".json".length());
  }

  private static String caseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }

  private static <T> T read(Path file, Class<T> type) {
    return JSON.readValue(readString(file), type);
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.isDirectory(directory.resolve("platform/vocabulary"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException(
          "the contracts are read from the repository; run the tests inside it");
    }
    return directory;
  }
}
