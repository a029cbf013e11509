package io.huoshui.project.domain;

/** A change the demand's status does not allow now (a conflict, not a malformed request). */
public class ProjectStateException extends RuntimeException {

  private final String code;

  ProjectStateException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A stable name of the rule, for clients to branch on. */
  public String code() {
    return code;
  }
}
