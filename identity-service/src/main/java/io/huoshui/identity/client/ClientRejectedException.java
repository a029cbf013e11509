package io.huoshui.identity.client;

/** A client request that breaks a rule; names the field, for the problem+json answer. */
public class ClientRejectedException extends RuntimeException {

  private final String field;

  public ClientRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
