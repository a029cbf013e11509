package io.huoshui.notification.intake;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structured data of a notification, as its texts and its recipients read it: money as exact
 * decimal strings, dates and ids in their ISO forms, absent facts left out.
 */
final class Facts {

  private final Map<String, Object> values = new LinkedHashMap<>();

  static Facts of() {
    return new Facts();
  }

  Facts put(String name, Object value) {
    if (value != null) {
      values.put(name, plain(value));
    }
    return this;
  }

  Map<String, Object> build() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  private static Object plain(Object value) {
    if (value instanceof BigDecimal amount) {
      return amount.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Facts::plain).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, element) -> {
            if (element != null) {
              copy.put(key.toString(), plain(element));
            }
          });
      return copy;
    }
    return value.toString();
  }
}
