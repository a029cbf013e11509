package io.huoshui.notification.notice;

/** Who a notification is addressed to: the same three kinds of organisation as the tenants. */
public enum AudienceType {
  COUNTY,
  BANK,
  OPERATOR
}
