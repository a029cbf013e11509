package io.huoshui.identity.client;

/** A well-formed client request that the registry's present state refuses: a 409, not a 400. */
public class ClientConflictException extends ClientRejectedException {

  ClientConflictException(String field, String chinese, String english) {
    super(field, chinese, english);
  }
}
