package io.huoshui.project.domain;

import io.huoshui.vocabulary.Language;
import java.util.Map;

/**
 * The names of the places a text mentions, looked up in the division table: a place is shown by
 * name beside its code, "长子县（140428）", and by its code alone when the table does not know it.
 */
public record PlaceNames(Map<String, String> names) {

  public static final PlaceNames NONE = new PlaceNames(Map.of());

  public PlaceNames {
    names = Map.copyOf(names);
  }

  /** The place's name; null when the table does not know the code. */
  public String nameOf(String code) {
    return code == null ? null : names.get(code);
  }

  /** "长子县（140428）" in Chinese, "长子县 (140428)" in English, "140428" when unknown. */
  public String label(String code, Language language) {
    return label(code, nameOf(code), language);
  }

  /** A code with its name, as {@link #label(String, Language)} shows it; the code for no name. */
  public static String label(String code, String name, Language language) {
    if (name == null) {
      return code;
    }
    return language.pick(name + "（" + code + "）", name + " (" + code + ")");
  }
}
