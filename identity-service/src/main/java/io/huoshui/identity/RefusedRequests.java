package io.huoshui.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The refusals made before any controller, as problem+json like every other: TRACE (405, which the
 * servlet would otherwise answer by echoing the request, headers and token included) and a target
 * longer than {@link #MAX_TARGET} characters (414). Tomcat lets both through to this filter, rather
 * than answering them itself in a body of its own: TRACE is allowed at the connector, and its
 * header limit is set above the target limit (server.max-http-request-header-size).
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

  static final int MAX_TARGET = 8192;

  @Bean
  TomcatConnectorCustomizer traceReachesTheFilter() {
    return connector -> connector.setAllowTrace(true);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> refusedBeforeAnyController(
      ProblemResponses problems) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                if ("TRACE".equalsIgnoreCase(request.getMethod())) {
                  response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                  problems.write(
                      response,
                      HttpStatus.METHOD_NOT_ALLOWED,
                      "不支持该请求方法 (Method not allowed)",
                      "TRACE 不受支持 (TRACE is not supported).");
                  return;
                }
                String query = request.getQueryString();
                int length =
                    request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
                if (length > MAX_TARGET) {
                  problems.write(
                      response,
                      HttpStatus.URI_TOO_LONG,
                      "请求地址过长 (URI too long)",
                      "请求地址不能超过 %d 个字符 (the request target may have at most %d characters)."
                          .formatted(MAX_TARGET, MAX_TARGET));
                  return;
                }
                chain.doFilter(request, response);
              }
            });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
