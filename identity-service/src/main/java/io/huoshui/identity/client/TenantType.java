package io.huoshui.identity.client;

import io.huoshui.vocabulary.Scopes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The three kinds of organisation on the network, what their tenant id looks like and which scopes
 * they may hold.
 */
public enum TenantType {
  /** A county or district; its tenant id is its 6-digit administrative division code. */
  COUNTY(Pattern.compile("\\d{6}"), Scopes.COUNTY),
  /** A bank or financial institution; its tenant id is its bank code. */
  BANK(Pattern.compile("[a-z][a-z0-9-]{1,31}"), Scopes.BANK),
  /**
   * A financial office; its tenant id is the division code of the region it runs (2, 4 or 6
   * digits).
   */
  OPERATOR(Pattern.compile("\\d{2}|\\d{4}|\\d{6}"), Scopes.OPERATOR);

  private final Pattern tenantId;
  private final List<String> scopes;

  TenantType(Pattern tenantId, List<String> scopes) {
    this.tenantId = tenantId;
    this.scopes = scopes;
  }

  public boolean isValidTenantId(String id) {
    return id != null && tenantId.matcher(id).matches();
  }

  public String tenantIdPattern() {
    return tenantId.pattern();
  }

  /** The scopes a client of this type may hold, and holds unless it asks for fewer. */
  public List<String> scopes() {
    return scopes;
  }
}
