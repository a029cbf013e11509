package io.huoshui.identity.client;

import java.time.Instant;
import java.util.List;

/** A registered client as the operator sees it; never carries its secret. */
public record ApiClient(
    String clientId,
    String displayName,
    TenantType tenantType,
    String tenantId,
    List<String> scopes,
    boolean enabled,
    Instant createdAt,
    Instant secretRotatedAt,
    Instant disabledAt) {}
