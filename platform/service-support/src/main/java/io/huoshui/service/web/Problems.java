package io.huoshui.service.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json answers for the parts of a reactive process that answer outside a
 * controller: security, filters, the error handler. Never a stack trace, never an internal address.
 */
public final class Problems {

  private final JsonMapper json;

  public Problems(JsonMapper json) {
    this.json = json;
  }

  /** The problem body: type, title, status, detail, instance, then any extra members. */
  public static Map<String, Object> body(
      HttpStatusCode status, String title, String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", URI.create("https://huoshui.io/problems/" + status.value()).toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    if (instance != null) {
      problem.put("instance", instance);
    }
    return problem;
  }

  /**
   * Words for people in the request's language: Chinese, unless it asks for English ({@code
   * Accept-Language: en}).
   */
  public static String inLanguageOf(ServerWebExchange exchange, String chinese, String english) {
    return Refusal.wantsEnglish(exchange.getLocaleContext().getLocale()) ? english : chinese;
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
    return write(
        exchange, status, body(status, title, detail, exchange.getRequest().getPath().value()));
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatusCode status, Map<String, Object> problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] bytes = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }
}
