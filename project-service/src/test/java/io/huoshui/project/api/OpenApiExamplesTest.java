package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document is served as committed, and its examples are requests the API accepts. */
class OpenApiExamplesTest extends ProjectServiceTest {

  private static final String COUNTY = "140428";
  private static final String DOCUMENT = "static/openapi/project-service.yaml";

  @Test
  void theDocumentIsServedWithoutATokenAsCommitted() throws IOException {
    String served =
        http.get()
            .uri("/openapi/project-service.yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(served).isEqualTo(committed());
  }

  @Test
  void everySubmissionExampleCreatesTheDemandItShows() throws IOException {
    Map<String, Map<String, Object>> examples = examples("/api/v1/projects", "post");
    assertThat(examples).containsKey("toyPlant");
    examples.forEach(
        (name, example) ->
            http.post()
                .uri("/api/v1/projects")
                .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
                .bodyValue(example.get("value"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo(value(example).get("title"))
                .jsonPath("$.amountRequested")
                .isEqualTo(value(example).get("amountRequested")));
  }

  @Test
  void everyChangeAndWithdrawalExampleIsAccepted() throws IOException {
    for (Map<String, Object> example : examples("/api/v1/projects/{id}", "put").values()) {
      UUID id = submit(COUNTY, toyPlant());
      http.put()
          .uri("/api/v1/projects/" + id)
          .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
          .bodyValue(example.get("value"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.version")
          .isEqualTo(2);
    }
    for (Map<String, Object> example :
        examples("/api/v1/projects/{id}/withdraw", "post").values()) {
      UUID id = submit(COUNTY, toyPlant());
      http.post()
          .uri("/api/v1/projects/" + id + "/withdraw")
          .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
          .bodyValue(example.get("value"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("WITHDRAWN");
    }
  }

  @Test
  void theMatchmakingExamplesCreateAnEventAndSignAnIntentionAtIt() throws IOException {
    Map<String, Object> event =
        value(examples("/api/v1/matchmaking/events", "post").get("greenFinance"));
    UUID id =
        idAt(
            http.post()
                .uri("/api/v1/matchmaking/events")
                .headers(h -> h.setBearerAuth(TestTokens.operator((String) event.get("region"))))
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation());
    UUID demand = submit(COUNTY, toyPlant());
    http.post()
        .uri("/api/v1/matchmaking/events/" + id + "/agenda")
        .headers(h -> h.setBearerAuth(TestTokens.operator((String) event.get("region"))))
        .bodyValue(Map.of("projectId", demand))
        .exchange()
        .expectStatus()
        .isOk();
    Map<String, Object> intention =
        new LinkedHashMap<>(
            value(examples("/api/v1/matchmaking/events/{id}/intentions", "post").get("toyPlant")));
    intention.put("projectId", demand.toString());
    http.post()
        .uri("/api/v1/matchmaking/events/" + id + "/intentions")
        .headers(h -> h.setBearerAuth(TestTokens.bank("jinshang-bank")))
        .bodyValue(intention)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.amount")
        .isEqualTo(intention.get("amount"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> examples(String path, String method)
      throws IOException {
    Map<String, Object> document = new Yaml().load(committed());
    Map<String, Object> operation =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(path))
                .get(method);
    Map<String, Object> content =
        (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
    Map<String, Map<String, Object>> examples =
        (Map<String, Map<String, Object>>)
            ((Map<String, Object>) content.get("application/json")).get("examples");
    assertThat(examples).as("examples of %s %s", method, path).isNotEmpty();
    return examples;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> value(Map<String, Object> example) {
    return (Map<String, Object>) example.get("value");
  }

  private static String committed() throws IOException {
    try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
