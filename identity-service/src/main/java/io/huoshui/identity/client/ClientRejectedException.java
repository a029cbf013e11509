package io.huoshui.identity.client;

/**
 * A client request that breaks a rule; names the field and words the rule in Chinese and in
 * English, for the problem+json answer in the caller's language.
 */
public class ClientRejectedException extends RuntimeException {

  private final String field;
  private final String chinese;

  public ClientRejectedException(String field, String chinese, String english) {
    super(english);
    this.field = field;
    this.chinese = chinese;
  }

  public String field() {
    return field;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return getMessage();
  }
}
