package io.huoshui.service.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A valid token that names no tenant of the network may do nothing here. */
class MissingTenantException extends ResponseStatusException {

  MissingTenantException() {
    super(HttpStatus.FORBIDDEN, "This client's token names no tenant of the network.");
  }
}
