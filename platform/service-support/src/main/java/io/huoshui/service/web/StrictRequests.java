package io.huoshui.service.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every request must be before any handler reads it: a body in UTF-8 (a body declared in
 * another charset would be decoded into other text than its sender meant, or stored as mojibake),
 * and query parameters without control characters or NUL, which no filter of ours takes and which
 * PostgreSQL refuses with an error.
 */
class StrictRequests implements WebFilter {

  private final Problems problems;

  StrictRequests(Problems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String contentType = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && !isUtf8(contentType)) {
      boolean english = Refusal.wantsEnglish(exchange.getLocaleContext().getLocale());
      return problems.write(
          exchange,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Media Type",
          english
              ? "A request body must be UTF-8: send it without a charset or with charset=UTF-8."
              : "请求体必须是 UTF-8 编码：不声明 charset，或声明 charset=UTF-8。");
    }
    for (Map.Entry<String, List<String>> parameter :
        exchange.getRequest().getQueryParams().entrySet()) {
      for (String value : parameter.getValue()) {
        Refusal wrong =
            StrictJson.wrongIn(parameter.getKey() + (value == null ? "" : value), false);
        if (wrong != null) {
          return Mono.error(QueryParameters.refused(parameter.getKey(), wrong, ""));
        }
      }
    }
    return chain.filter(exchange);
  }

  private static boolean isUtf8(String contentType) {
    try {
      Charset charset = MediaType.parseMediaType(contentType).getCharset();
      return charset == null || charset.equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedOrUnknownCharset) {
      return false;
    }
  }
}
