package io.huoshui.notification;

/** The topics of docs/events.md that the tests publish to, as the producing services do. */
public final class Topics {

  public static final String PROJECTS = "huoshui.projects";
  public static final String MATCHES = "huoshui.matches";
  public static final String BANK_RESPONSES = "huoshui.bank-responses";
  public static final String CATALOG = "huoshui.catalog";

  private Topics() {}
}
