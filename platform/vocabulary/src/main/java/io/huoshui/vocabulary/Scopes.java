package io.huoshui.vocabulary;

import java.util.List;

/**
 * The OAuth2 scopes of the network's API, and which of them each kind of organisation may hold:
 * identity-service grants them, every service checks them, tests issue tokens with them.
 */
public final class Scopes {

  public static final String PROJECTS_READ = "projects:read";
  public static final String PROJECTS_WRITE = "projects:write";
  public static final String CATALOG_READ = "catalog:read";
  public static final String PRODUCTS_READ = "products:read";
  public static final String PRODUCTS_WRITE = "products:write";
  public static final String MATCHES_READ = "matches:read";
  public static final String RESPONSES_WRITE = "responses:write";
  public static final String SUPERVISION_WRITE = "supervision:write";
  public static final String NOTIFICATIONS_READ = "notifications:read";
  public static final String REPORTS_READ = "reports:read";
  public static final String CLIENTS_ADMIN = "clients:admin";

  /**
   * Manages the policy instruments (subsidies, guarantees, risk compensation) that a financial
   * office's region issues: held by operators, each within its own region.
   */
  public static final String INSTRUMENTS_WRITE = "instruments:write";

  /**
   * Holds the matchmaking events (政银企对接会) of a financial office's region: creates them, invites
   * banks and puts the region's demands on their agenda. Held by operators, each within its region.
   */
  public static final String EVENTS_WRITE = "events:write";

  /**
   * The network's administrator: banks, their clients and the token-signing keys. Held by the
   * deployment's bootstrap operator, never by a region's operator, whose {@link #CLIENTS_ADMIN}
   * reaches the counties and operators of its own region only.
   */
  public static final String NETWORK_ADMIN = "network:admin";

  /**
   * Publishes a year of the network's working-day calendar; held by the network's administrator.
   */
  public static final String CALENDAR_ADMIN = "calendar:admin";

  /** A county's portal: its own demand, the catalog, its notices and reports. */
  public static final List<String> COUNTY =
      List.of(PROJECTS_READ, PROJECTS_WRITE, CATALOG_READ, NOTIFICATIONS_READ, REPORTS_READ);

  /** A bank's systems: its products, the demand matched to it and its answers. */
  public static final List<String> BANK =
      List.of(PRODUCTS_READ, PRODUCTS_WRITE, MATCHES_READ, RESPONSES_WRITE, NOTIFICATIONS_READ);

  /** A financial office: its region's demand and matches, supervision, reports and clients. */
  public static final List<String> OPERATOR =
      List.of(
          PROJECTS_READ,
          CATALOG_READ,
          PRODUCTS_READ,
          MATCHES_READ,
          SUPERVISION_WRITE,
          NOTIFICATIONS_READ,
          REPORTS_READ,
          CLIENTS_ADMIN,
          INSTRUMENTS_WRITE,
          EVENTS_WRITE);

  private Scopes() {}
}
