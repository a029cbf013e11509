package io.huoshui.notification.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages notifications are rendered in; Chinese unless another is asked for. */
public enum Language {
  ZH_CN("zh-CN"),
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  /** The language with this exact tag, ignoring case ("zh-CN", "en"). */
  public static Optional<Language> ofTag(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
  }

  /**
   * The best of ours for an Accept-Language header ("en-US,en;q=0.9"); Chinese when the header is
   * absent, malformed or names none of ours.
   */
  public static Language negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return ZH_CN;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException malformed) {
      return ZH_CN;
    }
    Locale chosen =
        Locale.lookup(
            ranges, Arrays.stream(values()).map(l -> Locale.forLanguageTag(l.tag)).toList());
    if (chosen == null) {
      // "zh-TW" or plain "zh" has no exact match; any Chinese is best served by ours.
      return ranges.stream().anyMatch(r -> r.getRange().startsWith("en")) ? EN : ZH_CN;
    }
    return chosen.getLanguage().equals("en") ? EN : ZH_CN;
  }
}
