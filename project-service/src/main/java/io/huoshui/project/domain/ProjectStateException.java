package io.huoshui.project.domain;

/** A change the demand's status does not allow now (a conflict, not a malformed request). */
public class ProjectStateException extends RuntimeException {

  private final String code;
  private final String chinese;

  ProjectStateException(String code, String chinese, String english) {
    super(english);
    this.code = code;
    this.chinese = chinese;
  }

  /** A stable name of the rule, for clients to branch on. */
  public String code() {
    return code;
  }

  /** Why, in Chinese; the message is the English. */
  public String chinese() {
    return chinese;
  }
}
