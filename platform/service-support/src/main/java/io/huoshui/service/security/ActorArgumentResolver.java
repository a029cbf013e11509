package io.huoshui.service.security;

import io.huoshui.service.web.RequestIds;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a controller method take the acting {@link Actor} as a parameter: the token's subject and
 * the request id that {@link RequestIds} gave the request before anything else ran.
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    String requestId = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
    return CallerToken.current()
        .map(token -> new Actor(token.getSubject(), requestId))
        .cast(Object.class);
  }
}
