package io.huoshui.service.web;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401, 403 and the firewall's 400 as problem+json; why a token failed is not told, only that a
 * valid one is needed.
 */
public class ProblemSecurityHandlers
    implements ServerAuthenticationEntryPoint,
        ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

  /** What every process shows without a token: its health probes and its metrics. */
  private static final String[] OPEN_ACTUATOR_ENDPOINTS = {
    "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
  };

  /**
   * A service's committed API documents ({@code src/main/resources/static/openapi/}): public, since
   * a county portal or a bank reads them before it has a client.
   */
  private static final String OPEN_API_DOCUMENTS = "/openapi/*.yaml";

  /** What the firewall lets through; TRACE and unknown methods it refuses. */
  private static final Set<HttpMethod> ANSWERED_METHODS =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.PATCH,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS);

  private final Problems problems;

  public ProblemSecurityHandlers(Problems problems) {
    this.problems = problems;
  }

  /**
   * A chain where bearer JWTs are the only way in, answered with these problems; no sessions,
   * cookies, basic or form login, so no CSRF surface. Health, metrics and the API documents are
   * open; the caller's rules decide the rest.
   */
  public SecurityWebFilterChain bearerTokensOnly(
      ServerHttpSecurity http, Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules) {
    return http.authorizeExchange(
            exchanges -> {
              exchanges.pathMatchers(OPEN_ACTUATOR_ENDPOINTS).permitAll();
              exchanges.pathMatchers(HttpMethod.GET, OPEN_API_DOCUMENTS).permitAll();
              rules.customize(exchanges);
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(this)
                    .accessDeniedHandler(this))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(this).accessDeniedHandler(this))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .build();
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "Authentication required",
        Problems.inLanguageOf(
            exchange,
            "需要有效的访问令牌：请以 client-credentials 方式在 /oauth2/token 获取。",
            "A valid access token is required: obtain one at /oauth2/token with the"
                + " client-credentials grant."));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(
        exchange,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        Problems.inLanguageOf(
            exchange, "此客户端的令牌无权发出该请求。", "This client's token does not allow this request."));
  }

  /**
   * A path or header the firewall refuses (an encoded slash, a backslash, {@code ..;}, NUL, CR or
   * LF): the framework would answer a bare 400; the reason names the rule, never the input.
   */
  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    boolean english = Refusal.wantsEnglish(exchange.getLocaleContext().getLocale());
    if (!ANSWERED_METHODS.contains(exchange.getRequest().getMethod())) {
      exchange.getResponse().getHeaders().setAllow(ANSWERED_METHODS);
      return problems.write(
          exchange,
          HttpStatus.METHOD_NOT_ALLOWED,
          "Method Not Allowed",
          english
              ? "This method is not answered here; the Allow header lists those that are."
              : "此处不接受该请求方法；Allow 响应头列出了可用的方法。");
    }
    return problems.write(
        exchange,
        HttpStatus.BAD_REQUEST,
        "Bad Request",
        english
            ? "The request's path or headers hold characters that are not allowed (an encoded slash,"
                + " a backslash, a path parameter, NUL, CR or LF)."
            : "请求的路径或请求头含有不允许的字符（编码的斜杠、反斜杠、路径参数、NUL、回车或换行）。");
  }
}
