package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The API document is served as the other services serve theirs, for the gateway's /docs, and
 * describes exactly the routes the controllers answer.
 */
class ApiDocumentTest extends IdentityHttp {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  @Test
  void servesItsApiDocumentWithEveryRouteItAnswers() {
    HttpResponse<String> served = call("GET", "/openapi/identity-service.yaml", null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    JsonNode document = YAMLMapper.builder().build().readTree(served.body());
    assertThat(document.get("openapi").asString()).startsWith("3.1");

    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (String method : path.getValue().propertyNames()) {
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + withoutNames(path.getKey()));
        }
      }
    }
    Set<String> routed = new TreeSet<>();
    routes
        .getHandlerMethods()
        .keySet()
        .forEach(
            mapping ->
                mapping.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/api/"))
                    .forEach(
                        pattern ->
                            mapping
                                .getMethodsCondition()
                                .getMethods()
                                .forEach(
                                    method ->
                                        routed.add(method.name() + " " + withoutNames(pattern)))));
    assertThat(routed).contains("PUT /api/v1/calendar/years/{}", "POST /api/v1/clients");
    assertThat(documented).isEqualTo(routed);
  }

  private static String withoutNames(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
