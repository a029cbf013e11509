package io.huoshui.vocabulary;

import java.util.Locale;

/**
 * The language a reader gets: Chinese, the language of the people who use the network, unless the
 * request asks for English ({@code Accept-Language: en}). The network's one rule for it.
 */
public enum Language {
  ZH,
  EN;

  /** The language of a request's locale; no locale, or one of another language, is Chinese. */
  public static Language of(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
  }

  public String pick(String chinese, String english) {
    return this == EN ? english : chinese;
  }
}
