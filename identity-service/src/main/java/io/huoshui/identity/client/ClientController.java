package io.huoshui.identity.client;

import io.huoshui.identity.token.Reach;
import io.huoshui.vocabulary.Scopes;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
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
 * (division-code prefix); the network's administrator manages every client, the banks' included
 * ({@link Reach}). A client outside one's reach answers 404, so that its existence does not leak.
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
    if (!withinReach(operator, request.tenantType(), request.tenantId())) {
      throw new ClientRejectedException(
          "tenantId",
          request.tenantType() == TenantType.BANK
              ? "只有网络管理员可以登记银行"
              : "不在本运营方管辖的地区 %s 内".formatted(Reach.region(operator)),
          request.tenantType() == TenantType.BANK
              ? "only the network's administrator registers banks"
              : "outside the region %s this operator runs".formatted(Reach.region(operator)));
    }
    for (String administrators : List.of(Scopes.NETWORK_ADMIN, Scopes.CALENDAR_ADMIN)) {
      if (request.scopes() != null
          && request.scopes().contains(administrators)
          && !Reach.isAdministrator(operator)) {
        throw new ClientRejectedException(
            "scopes",
            "只有网络管理员可以授予 %s".formatted(administrators),
            "only the network's administrator grants %s".formatted(administrators));
      }
    }
    ClientRegistry.IssuedSecret issued = registry.register(request);
    return ResponseEntity.created(URI.create("/api/v1/clients/" + issued.client().clientId()))
        .body(issued);
  }

  @GetMapping
  List<ApiClient> list(@AuthenticationPrincipal Jwt operator) {
    return registry.findAll().stream()
        .filter(client -> withinReach(operator, client.tenantType(), client.tenantId()))
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
            () ->
                new ClientConflictException(
                    "clientId", "已停用的客户端不能更换密钥", "a disabled client cannot be rotated"));
  }

  @PostMapping("/{clientId}/disable")
  ApiClient disable(@AuthenticationPrincipal Jwt operator, @PathVariable String clientId) {
    visible(operator, clientId);
    return registry.disable(clientId).orElseThrow();
  }

  private ApiClient visible(Jwt operator, String clientId) {
    return registry
        .find(clientId)
        .filter(client -> withinReach(operator, client.tenantType(), client.tenantId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static boolean withinReach(Jwt operator, TenantType type, String tenantId) {
    return type != null && Reach.reaches(operator, type.name(), tenantId);
  }
}
