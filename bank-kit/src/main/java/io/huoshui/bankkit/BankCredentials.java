package io.huoshui.bankkit;

import java.util.Objects;

/**
 * A bank's one credential for the network: its API client id and secret, which are also its Kafka
 * principal and SCRAM-SHA-512 password, so that rotating the secret covers both at once.
 */
public record BankCredentials(String clientId, String secret) {

  private static final String PREFIX = "bank-";

  public BankCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(secret, "secret");
    if (!clientId.startsWith(PREFIX) || clientId.length() == PREFIX.length()) {
      throw new IllegalArgumentException(
          "银行的客户端 ID 形如 bank-<银行代码> / a bank's client id is bank-<bank code>: " + clientId);
    }
  }

  /** The bank's code, as in its topic {@code huoshui.bank.<code>.matches}. */
  public String bankCode() {
    return clientId.substring(PREFIX.length());
  }

  @Override
  public String toString() {
    return "BankCredentials[clientId=" + clientId + ", secret=***]";
  }
}
