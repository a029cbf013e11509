package io.huoshui.project.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.huoshui.service.web.ApiProblem.Violation;
import java.util.List;
import java.util.UUID;

/**
 * What became of one row of an uploaded demand list: the demand it submitted, or why it was refused
 * (each violation under the request's JSON path), by its row number in the sheet.
 */
public record ImportedRow(int row, UUID project, List<Violation> errors) {

  public ImportedRow {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ImportedRow accepted(int row, UUID project) {
    return new ImportedRow(row, project, List.of());
  }

  public static ImportedRow refused(int row, List<Violation> errors) {
    return new ImportedRow(row, null, errors);
  }

  @JsonIgnore
  public boolean isAccepted() {
    return project != null;
  }
}
