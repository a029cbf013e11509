package io.huoshui.credit.web;

import io.huoshui.service.web.ApiProblem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a change is made against, as its request's {@code If-Match} names it: required, so
 * that two clients (or two tabs) never overwrite each other's change unseen; one strong tag, not
 * {@code *}, which would match any. The refusals are worded in the request's language.
 */
public final class IfMatch {

  /** A version as this service tags it: its number, quoted as a strong entity tag. */
  private static final Pattern VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,8})\"");

  private final int version;

  private IfMatch(int version) {
    this.version = version;
  }

  /**
   * The version the request's {@code If-Match} values name; 428 without one, 400 for anything but
   * one strong tag.
   */
  public static IfMatch of(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw ApiProblem.preconditionRequired(
          "修改须带 If-Match，值为读取时的 ETag。",
          "A change needs If-Match with the ETag of the version read.");
    }
    Matcher tag = values.size() == 1 ? VERSION_TAG.matcher(values.get(0).strip()) : null;
    if (tag == null || !tag.matches()) {
      throw ApiProblem.invalid(
          "If-Match",
          "须为读取时的一个 ETag，如 \"3\"",
          "must be the one ETag of the version read, e.g. \"3\"");
    }
    return new IfMatch(Integer.parseInt(tag.group(1)));
  }

  /** Throws a 412 unless the object is still at the version the client read. */
  public void requireCurrent(int current) {
    if (current != version) {
      throw ApiProblem.preconditionFailed(
          "该对象已被修改，当前版本为 %d；请重新读取后再改。".formatted(current),
          "It has changed since version %d: it is at version %d; read it again."
              .formatted(version, current));
    }
  }

  /** The strong entity tag of a version. */
  public static String tagOf(int version) {
    return "\"" + version + "\"";
  }
}
