package io.huoshui.matching.domain;

import java.util.Locale;

/** The language a reader gets: Chinese unless the request asks for English. */
public enum Language {
  ZH,
  EN;

  /** The language of a request's locale; no locale, or one of another language, is Chinese. */
  public static Language of(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
  }

  String pick(String chinese, String english) {
    return this == EN ? english : chinese;
  }
}
