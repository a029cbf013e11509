package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the published JSON Schemas (src/main/resources/schemas, referenced by the AsyncAPI
 * document) and the events actually written from drifting apart: an event names its schema, carries
 * every member the schema requires, and no member the schema does not describe, at the top level
 * and in each nested object the schema describes.
 */
final class PublishedSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PublishedSchemas() {}

  static void assertConforms(EventEnvelope event, String name) {
    assertThat(event.dataschema())
        .hasToString("https://huoshui.io/schemas/matching-service/" + name + ".v1.json");
    assertObject(name, schema(name), event.data());
  }

  private static void assertObject(String path, JsonNode schema, JsonNode value) {
    JsonNode properties = schema.get("properties");
    Set<String> described = new HashSet<>(properties.propertyNames());
    Set<String> present = new HashSet<>(value.propertyNames());
    assertThat(described).as("members of %s the schema describes", path).containsAll(present);
    for (JsonNode required : schema.path("required")) {
      assertThat(
              value.path(required.asString()).isMissingNode()
                  || value.get(required.asString()).isNull())
          .as("%s.%s is required", path, required.asString())
          .isFalse();
    }
    for (String member : present) {
      JsonNode memberSchema = properties.get(member);
      JsonNode memberValue = value.get(member);
      if (memberValue.isObject() && memberSchema.has("properties")) {
        assertObject(path + "." + member, memberSchema, memberValue);
      }
      if (memberValue.isArray() && memberSchema.path("items").has("properties")) {
        for (JsonNode item : memberValue) {
          assertObject(path + "." + member + "[]", memberSchema.get("items"), item);
        }
      }
    }
  }

  private static JsonNode schema(String name) {
    try (InputStream in =
        PublishedSchemas.class.getResourceAsStream("/schemas/" + name + ".v1.json")) {
      assertThat(in).as("schema %s", name).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
