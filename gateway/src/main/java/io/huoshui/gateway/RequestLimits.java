package io.huoshui.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards the services behind the gateway: a body over the limit answers 413 (announced by its
 * Content-Length, or counted as it streams when chunked; the shared error handler words it), and
 * headers in the {@code X-Huoshui-} namespace, which only Huoshui's own processes may set, are
 * removed from what a client sent.
 */
@Component
class RequestLimits implements GlobalFilter, Ordered {

  static final String INTERNAL_HEADER_PREFIX = "X-Huoshui-";

  private final long maxBodyBytes;

  RequestLimits(GatewayProperties properties) {
    this.maxBodyBytes = properties.maxBodySize().toBytes();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    if (declared > maxBodyBytes) {
      return Mono.error(new ContentTooLargeException(null));
    }
    ServerHttpRequest guarded =
        new ServerHttpRequestDecorator(request.mutate().headers(this::stripInternal).build()) {
          @Override
          public Flux<DataBuffer> getBody() {
            return countedBody(super.getBody());
          }
        };
    return chain.filter(exchange.mutate().request(guarded).build());
  }

  private Flux<DataBuffer> countedBody(Flux<DataBuffer> body) {
    long[] seen = {0};
    return body.handle(
        (buffer, sink) -> {
          seen[0] += buffer.readableByteCount();
          if (seen[0] > maxBodyBytes) {
            DataBufferUtils.release(buffer);
            sink.error(new ContentTooLargeException(null));
          } else {
            sink.next(buffer);
          }
        });
  }

  private void stripInternal(HttpHeaders headers) {
    headers.headerNames().stream()
        .filter(
            name ->
                name.regionMatches(
                    true, 0, INTERNAL_HEADER_PREFIX, 0, INTERNAL_HEADER_PREFIX.length()))
        .toList()
        .forEach(headers::remove);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
