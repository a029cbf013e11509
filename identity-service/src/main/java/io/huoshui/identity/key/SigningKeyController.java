package io.huoshui.identity.key;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an operator rotate the token signing key, e.g. on a schedule or after a suspected leak. */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyController {

  private final SigningKeys keys;

  SigningKeyController(SigningKeys keys) {
    this.keys = keys;
  }

  @PostMapping("/rotate")
  Map<String, String> rotate() {
    return Map.of("signingKeyId", keys.rotate());
  }
}
