package io.huoshui.gateway;

import io.huoshui.gateway.GatewayProperties.ApiDocument;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One page listing every service's OpenAPI document, for a portal developer who can reach only the
 * gateway and has no client yet. The links are relative, so they hold behind any host name; each
 * document is routed to the service that serves it.
 */
@RestController
class ApiDocumentsController {

  static final String PAGE = "/docs";

  private final String page;

  ApiDocumentsController(GatewayProperties properties) {
    this.page = render(properties.apiDocuments());
  }

  @GetMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    return page;
  }

  private static String documentPath(ApiDocument document) {
    return "/openapi/" + document.service() + ".yaml";
  }

  private static String render(List<ApiDocument> documents) {
    String items =
        documents.stream()
            .map(
                document ->
                    "    <li><a href=\"%s\"><code>%s</code></a> — %s</li>"
                        .formatted(
                            HtmlUtils.htmlEscape(documentPath(document)),
                            HtmlUtils.htmlEscape(document.service()),
                            HtmlUtils.htmlEscape(document.title())))
            .collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <title>活水 API 文档 · Huoshui API documents</title>
        </head>
        <body>
          <h1>活水 API 文档</h1>
          <p>每个服务的 OpenAPI 3.1 文档，无需令牌即可读取。调用 <code>/api/v1/**</code> 需要访问令牌：
          以 OAuth2 客户端凭证方式向 <code>/oauth2/token</code> 申请。</p>
          <p lang="en">Each service's OpenAPI 3.1 document, readable without a token. Calling
          <code>/api/v1/**</code> needs an access token from <code>/oauth2/token</code>
          (OAuth2 client credentials).</p>
          <ul>
        %s
          </ul>
        </body>
        </html>
        """
        .formatted(items);
  }
}
