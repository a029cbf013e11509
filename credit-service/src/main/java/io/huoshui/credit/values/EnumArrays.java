package io.huoshui.credit.values;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The vocabularies as the stores keep them: text arrays of the enums' names. */
public final class EnumArrays {

  private EnumArrays() {}

  /** The names, each once, in the order given. */
  public static String[] names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).distinct().toArray(String[]::new);
  }

  public static <E> List<E> parse(String[] names, Function<String, E> parse) {
    return Arrays.stream(names).map(parse).toList();
  }
}
