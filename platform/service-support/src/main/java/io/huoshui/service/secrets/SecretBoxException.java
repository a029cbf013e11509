package io.huoshui.service.secrets;

/** A sealed value that cannot be opened; its message names neither the secret nor the key. */
public final class SecretBoxException extends RuntimeException {

  SecretBoxException(String message) {
    super(message);
  }
}
