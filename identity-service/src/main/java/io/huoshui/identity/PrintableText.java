package io.huoshui.identity;

import java.util.regex.Pattern;

/**
 * The one rule for the text a person types into a request (a client's name, a holiday's name, a
 * notice's title): no control character, which would inject lines into logs and headers, and no
 * lone or reversed surrogate, which no reader can decode.
 */
public final class PrintableText {

  /** For {@code @Pattern} on a request record. */
  public static final String PATTERN = "[^\\p{Cc}\\p{Cs}]*";

  public static final String MESSAGE = "不能含控制字符或孤立的代理项 (no control characters or lone surrogates)";

  private static final Pattern PRINTABLE = Pattern.compile(PATTERN);

  private PrintableText() {}

  public static boolean isPrintable(String text) {
    return text == null || PRINTABLE.matcher(text).matches();
  }
}
