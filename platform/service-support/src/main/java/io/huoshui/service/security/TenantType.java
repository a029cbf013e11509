package io.huoshui.service.security;

/** The three kinds of organisation on the network, as access tokens name them. */
public enum TenantType {
  COUNTY,
  BANK,
  OPERATOR
}
