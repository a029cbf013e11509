package io.huoshui.identity.client;

import io.huoshui.identity.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an operator sends to register a client.
 *
 * @param scopes the scopes to grant; when empty, every scope its tenant type may hold
 */
public record ClientRequest(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") String clientId,
    @NotBlank @Size(max = 200) @Pattern(regexp = PrintableText.PATTERN) String displayName,
    @NotNull TenantType tenantType,
    @NotBlank @Size(max = 32) String tenantId,
    List<String> scopes) {

  /** The scopes the client gets, after checking the tenant id and the scopes against its type. */
  List<String> grantedScopes() {
    if (!tenantType.isValidTenantId(tenantId)) {
      throw new ClientRejectedException(
          "tenantId",
          "%s 租户标识须符合 %s".formatted(tenantType, tenantType.tenantIdPattern()),
          "a %s tenant id must match %s".formatted(tenantType, tenantType.tenantIdPattern()));
    }
    if (scopes == null || scopes.isEmpty()) {
      return tenantType.scopes();
    }
    List<String> foreign =
        scopes.stream().filter(s -> !tenantType.grantable().contains(s)).toList();
    if (!foreign.isEmpty()) {
      throw new ClientRejectedException(
          "scopes",
          "%s 客户端不能持有 %s".formatted(tenantType, foreign),
          "a %s client cannot hold %s".formatted(tenantType, foreign));
    }
    return List.copyOf(scopes);
  }
}
