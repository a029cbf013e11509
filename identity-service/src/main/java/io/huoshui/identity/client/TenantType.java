package io.huoshui.identity.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.huoshui.vocabulary.Scopes;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The three kinds of organisation on the network, what their tenant id looks like and which scopes
 * they may hold.
 */
public enum TenantType {
  /** A county or district; its tenant id is its 6-digit administrative division code. */
  COUNTY(Pattern.compile("\\d{6}"), Scopes.COUNTY, Scopes.COUNTY),
  /** A bank or financial institution; its tenant id is its bank code. */
  BANK(Pattern.compile("[a-z][a-z0-9-]{1,31}"), Scopes.BANK, Scopes.BANK),
  /**
   * A financial office; its tenant id is the division code of the region it runs (2, 4 or 6
   * digits).
   */
  OPERATOR(
      Pattern.compile("\\d{2}|\\d{4}|\\d{6}"),
      Scopes.OPERATOR,
      Stream.concat(
              Scopes.OPERATOR.stream(), Stream.of(Scopes.NETWORK_ADMIN, Scopes.CALENDAR_ADMIN))
          .toList());

  private final Pattern tenantId;
  private final List<String> scopes;
  private final List<String> grantable;

  TenantType(Pattern tenantId, List<String> scopes, List<String> grantable) {
    this.tenantId = tenantId;
    this.scopes = scopes;
    this.grantable = grantable;
  }

  /**
   * The type of exactly this name: Jackson alone would also take {@code "COUNTY "}, trimmed.
   *
   * @throws IllegalArgumentException for any other text
   */
  @JsonCreator
  static TenantType named(String name) {
    for (TenantType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("not one of " + List.of(values()));
  }

  public boolean isValidTenantId(String id) {
    return id != null && tenantId.matcher(id).matches();
  }

  public String tenantIdPattern() {
    return tenantId.pattern();
  }

  /** The scopes a client of this type holds unless it asks for others. */
  public List<String> scopes() {
    return scopes;
  }

  /**
   * The scopes a client of this type may hold: an operator may also be the network's administrator,
   * when the administrator says so.
   */
  public List<String> grantable() {
    return grantable;
  }
}
