package io.huoshui.identity.client;

import io.huoshui.identity.token.TenantClaims;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator API for clients. An operator manages the counties and operators of its own region
 * (division-code prefix) and the banks; any other client answers 404, so that its existence does
 * not leak.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

  private final ClientRegistry registry;

  ClientController(ClientRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  ResponseEntity<ClientRegistry.IssuedSecret> register(
      @AuthenticationPrincipal Jwt operator, @Valid @RequestBody ClientRequest request) {
    if (!withinRegion(operator, request.tenantType(), request.tenantId())) {
      throw new ClientRejectedException(
          "tenantId", "outside the region this operator runs (" + region(operator) + ")");
    }
    ClientRegistry.IssuedSecret issued = registry.register(request);
    return ResponseEntity.created(URI.create("/api/v1/clients/" + issued.client().clientId()))
        .body(issued);
  }

  @GetMapping
  List<ApiClient> list(@AuthenticationPrincipal Jwt operator) {
    return registry.findAll().stream()
        .filter(client -> withinRegion(operator, client.tenantType(), client.tenantId()))
        .toList();
  }

  @GetMapping("/{clientId}")
  ApiClient get(@AuthenticationPrincipal Jwt operator, @PathVariable String clientId) {
    return visible(operator, clientId);
  }

  /** A new secret, shown in this answer only; the old secret stops working at once. */
  @PostMapping("/{clientId}/rotate-secret")
  ClientRegistry.IssuedSecret rotateSecret(
      @AuthenticationPrincipal Jwt operator, @PathVariable String clientId) {
    visible(operator, clientId);
    return registry
        .rotateSecret(clientId)
        .orElseThrow(
            () -> new ClientRejectedException("clientId", "a disabled client cannot be rotated"));
  }

  @PostMapping("/{clientId}/disable")
  ApiClient disable(@AuthenticationPrincipal Jwt operator, @PathVariable String clientId) {
    visible(operator, clientId);
    return registry.disable(clientId).orElseThrow();
  }

  private ApiClient visible(Jwt operator, String clientId) {
    return registry
        .find(clientId)
        .filter(client -> withinRegion(operator, client.tenantType(), client.tenantId()))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND, "no such client"));
  }

  private static boolean withinRegion(Jwt operator, TenantType type, String tenantId) {
    return type == TenantType.BANK || (tenantId != null && tenantId.startsWith(region(operator)));
  }

  private static String region(Jwt operator) {
    return operator.getClaimAsString(TenantClaims.TENANT_ID);
  }
}
