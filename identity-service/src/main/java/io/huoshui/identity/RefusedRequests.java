package io.huoshui.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

  /**
   * Tomcat refuses some targets itself, before any filter ({@code %00}, {@code /../..}, an encoded
   * slash or backslash), and reports them through the host's error report valve: that valve, and
   * the one Spring Boot adds, is replaced by one answering problem+json. It runs after Spring
   * Boot's own customizer, which adds its valve.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> tomcatRefusalsAsProblems(
      ProblemResponses problems) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              Pipeline pipeline = context.getParent().getPipeline();
              for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                  pipeline.removeValve(valve);
                }
              }
              pipeline.addValve(new ProblemReportValve(problems));
              // Found in the pipeline by this name, so that the host adds no page of its own.
              ((StandardHost) context.getParent())
                  .setErrorReportValveClass(ProblemReportValve.class.getName());
            });
  }

  /** Tomcat's error report as problem+json, naming nothing of the server or the request. */
  static final class ProblemReportValve extends ErrorReportValve {

    private final ProblemResponses problems;

    ProblemReportValve(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      HttpStatus status = HttpStatus.resolve(response.getStatus());
      if (status == null
          || !status.isError()
          || response.getContentWritten() > 0
          || !response.setErrorReported()) {
        return;
      }
      try {
        if (status == HttpStatus.BAD_REQUEST) {
          problems.refusedTarget(request, response);
        } else {
          problems.write(
              response,
              status,
              Languages.in(request, "请求未能处理", status.getReasonPhrase()),
              Languages.in(request, "服务器未能处理该请求。", "The server could not process this request."));
        }
      } catch (IOException gone) {
        // The client has gone: there is no one left to answer.
      }
    }
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
                      Languages.in(request, "不支持该请求方法", "Method not allowed"),
                      Languages.in(request, "TRACE 不受支持。", "TRACE is not supported."));
                  return;
                }
                String query = request.getQueryString();
                int length =
                    request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
                if (length > MAX_TARGET) {
                  problems.write(
                      response,
                      HttpStatus.URI_TOO_LONG,
                      Languages.in(request, "请求地址过长", "URI too long"),
                      Languages.in(
                              request,
                              "请求地址不能超过 %d 个字符。",
                              "The request target may have at most %d characters.")
                          .formatted(MAX_TARGET));
                  return;
                }
                chain.doFilter(request, response);
              }
            });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
