package io.huoshui.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and the security firewall's refusals (an encoded slash, a backslash, {@code ..;} in the
 * path) as RFC 9457 problem+json, like every other error of the network.
 */
@Component
class ProblemResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        Languages.in(request, "需要认证", "Authentication required"),
        Languages.in(
            request,
            "需要有效的访问令牌，请以 client-credentials 方式在 /oauth2/token 获取。",
            "A valid access token is required: obtain one at /oauth2/token with the"
                + " client-credentials grant."));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(
        response,
        HttpStatus.FORBIDDEN,
        Languages.in(request, "无权访问", "Forbidden"),
        Languages.in(
            request, "此客户端的令牌不允许该请求。", "This client's token does not allow this request."));
  }

  /** The rejection's own message stays in no answer: it quotes the request back. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    refusedTarget(request, response);
  }

  /** The firewall's refusals and Tomcat's own (a {@code %00}, a path above the root) alike. */
  void refusedTarget(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(
        response,
        HttpStatus.BAD_REQUEST,
        Languages.in(request, "请求无效", "Invalid request"),
        Languages.in(
            request,
            "请求地址含不允许的字符或路径段。",
            "The request's path holds a character or segment that is not allowed."));
  }

  void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://huoshui.io/problems/" + status.value()));
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
