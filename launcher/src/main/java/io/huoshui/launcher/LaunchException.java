package io.huoshui.launcher;

/** Something stops the network from starting; the message tells the user what to do. */
final class LaunchException extends RuntimeException {

  LaunchException(String message) {
    super(message);
  }
}
