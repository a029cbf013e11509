package io.huoshui.eventing;

/**
 * An event that no retry can make processable: not an envelope, a payload that breaks its schema.
 * It goes to the dead-letter topic at once, so that the partition behind it keeps moving.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message) {
    super(message);
  }

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
