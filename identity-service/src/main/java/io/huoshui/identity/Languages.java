package io.huoshui.identity;

import io.huoshui.vocabulary.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The language of an answer, by the rule of the network's other services: English when the request
 * asks for it ({@code Accept-Language: en}), Chinese otherwise. The header is read, not the
 * servlet's locale alone, which falls back to the machine's own language when the header is absent.
 */
final class Languages {

  private Languages() {}

  static String in(HttpServletRequest request, String chinese, String english) {
    return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
        ? chinese
        : Language.of(request.getLocale()).pick(chinese, english);
  }
}
