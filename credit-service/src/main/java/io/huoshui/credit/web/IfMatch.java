package io.huoshui.credit.web;

import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Problems;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The version a change is made against, as its request's {@code If-Match} names it: required, so
 * that two clients (or two tabs) never overwrite each other's change unseen; one strong tag, not
 * {@code *}, which would match any. The refusals are worded in the request's language.
 */
public final class IfMatch {

  /** A version as this service tags it: its number, quoted as a strong entity tag. */
  private static final Pattern VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,8})\"");

  private final int version;
  private final ServerWebExchange exchange;

  private IfMatch(int version, ServerWebExchange exchange) {
    this.version = version;
    this.exchange = exchange;
  }

  /** The version the request names; 428 without one, 400 for anything but one strong tag. */
  public static IfMatch of(ServerWebExchange exchange) {
    List<String> values = exchange.getRequest().getHeaders().get(HttpHeaders.IF_MATCH);
    if (values == null || values.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.PRECONDITION_REQUIRED,
          Problems.inLanguageOf(
              exchange,
              "修改须带 If-Match，值为读取时的 ETag。",
              "A change needs If-Match with the ETag of the version read."));
    }
    Matcher tag = values.size() == 1 ? VERSION_TAG.matcher(values.get(0).strip()) : null;
    if (tag == null || !tag.matches()) {
      throw ApiProblem.invalid(
          HttpHeaders.IF_MATCH,
          "须为读取时的一个 ETag，如 \"3\"",
          "must be the one ETag of the version read, e.g. \"3\"");
    }
    return new IfMatch(Integer.parseInt(tag.group(1)), exchange);
  }

  /** Throws a 412 unless the object is still at the version the client read. */
  public void requireCurrent(int current) {
    if (current != version) {
      throw new ResponseStatusException(
          HttpStatus.PRECONDITION_FAILED,
          Problems.inLanguageOf(
              exchange,
              "该对象已被修改，当前版本为 %d；请重新读取后再改。".formatted(current),
              "It has changed since version %d: it is at version %d; read it again."
                  .formatted(version, current)));
    }
  }

  /** The object answered with its version as the tag a later change names. */
  public static <T> ResponseEntity<T> tagged(T body, int version) {
    return ResponseEntity.ok().eTag(tagOf(version)).body(body);
  }

  /** The strong entity tag of a version. */
  public static String tagOf(int version) {
    return "\"" + version + "\"";
  }
}
