package io.huoshui.servicetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.vocabulary.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The build's check of the network's event contracts: every event type named in the vocabulary has
 * its producer's schema and examples, every example conforms to its schema, and docs/events.md
 * lists exactly the types there are.
 */
class ContractsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static List<String> eventTypes() {
    return Contracts.eventTypes();
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyExampleConformsToItsProducersSchema(String type) {
    assertThat(Contracts.schemaFile(type)).isRegularFile();
    for (Contracts.Example example : Contracts.examplesOf(type)) {
      assertThat(example.envelope().type()).as(example.name()).isEqualTo(type);
      assertThat(Contracts.violations(example.envelope())).as(example.name()).isEmpty();
    }
  }

  @Test
  void docsEventsListsExactlyTheEventTypesThereAre() {
    assertThat(Contracts.documentedEventTypes()).containsExactlyInAnyOrderElementsOf(eventTypes());
  }

  @Test
  void everySchemaFileBelongsToANamedEventType() throws IOException {
    List<Path> named = eventTypes().stream().map(Contracts::schemaFile).toList();
    for (String service :
        List.of("project-service", "credit-service", "matching-service", "notification-service")) {
      Path schemas =
          Contracts.schemaFile(EventTypes.PROJECT_SUBMITTED)
              .getParent()
              .getParent()
              .getParent()
              .getParent()
              .getParent()
              .getParent()
              .resolve(service)
              .resolve("src/main/resources/schemas");
      if (!Files.isDirectory(schemas)) {
        continue;
      }
      try (Stream<Path> files = Files.list(schemas)) {
        files
            .filter(file -> file.getFileName().toString().endsWith(".json"))
            .forEach(file -> assertThat(named).as("the event type of " + file).contains(file));
      }
    }
  }

  @Test
  void aRenamedOrMistypedMemberIsAViolation() {
    EventEnvelope example =
        Contracts.example(EventTypes.MATCH_PROPOSED, "province-bank").envelope();
    ObjectNode renamed = (ObjectNode) JSON.readTree(JSON.writeValueAsString(example.data()));
    renamed.set("bank", renamed.remove("bankCode"));
    renamed.put("rank", "first");

    List<String> violations = Contracts.violations(withData(example, renamed));

    assertThat(violations)
        .anySatisfy(violation -> assertThat(violation).contains("bankCode"))
        .anySatisfy(violation -> assertThat(violation).contains("$.bank is not described"))
        .anySatisfy(violation -> assertThat(violation).contains("rank"));
  }

  @Test
  void anExamplePlayedForAnotherSubjectNamesItThroughout() {
    Contracts.Example example = Contracts.example(EventTypes.PROJECT_SUBMITTED, "toy-plant");
    String subject = "2b1f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    Contracts.Example played = example.about(subject);

    assertThat(played.envelope().subject()).isEqualTo(subject);
    assertThat(played.envelope().data().get("projectId").asString()).isEqualTo(subject);
    assertThat(played.envelope().id()).isNotEqualTo(example.envelope().id());
    assertThat(Contracts.violations(played.envelope())).isEmpty();
  }

  private static EventEnvelope withData(EventEnvelope event, ObjectNode data) {
    return new EventEnvelope(
        event.specversion(),
        event.id(),
        event.source(),
        event.type(),
        event.subject(),
        event.time(),
        event.datacontenttype(),
        event.dataschema(),
        data);
  }
}
