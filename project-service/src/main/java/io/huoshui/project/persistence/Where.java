package io.huoshui.project.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** A WHERE clause assembled from conditions, with the values its named parameters take. */
public final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  public Where and(String condition) {
    conditions.add(condition);
    return this;
  }

  public Where and(String condition, String parameter, Object value) {
    conditions.add(condition);
    values.put(parameter, value);
    return this;
  }

  public String sql() {
    return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
  }

  public GenericExecuteSpec bind(GenericExecuteSpec spec) {
    GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> value : values.entrySet()) {
      bound = bound.bind(value.getKey(), value.getValue());
    }
    return bound;
  }
}
