package io.huoshui.identity.key;

import io.huoshui.identity.token.Reach;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets the network's administrator rotate the token signing key, e.g. on a schedule or after a
 * suspected leak. To any other operator the endpoint does not exist (404): the key signs every
 * tenant's tokens, not its region's.
 */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyController {

  private final SigningKeys keys;

  SigningKeyController(SigningKeys keys) {
    this.keys = keys;
  }

  @PostMapping("/rotate")
  Map<String, String> rotate(@AuthenticationPrincipal Jwt operator) {
    if (!Reach.isAdministrator(operator)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return Map.of("signingKeyId", keys.rotate());
  }
}
