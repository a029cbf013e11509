package io.huoshui.eventing;

/**
 * The names of the meters the event plumbing keeps in every service, for the dashboards' queries
 * and the tests that judge a hot path by them.
 */
public final class EventingMeters {

  /** Round trips to the database: statements, begins, commits and rollbacks. */
  public static final String SQL_STATEMENTS = "huoshui.sql.statements";

  /** Events consumed, by consumer, type and outcome ({@code applied} or {@code duplicate}). */
  public static final String EVENTS_CONSUMED = "huoshui.events.consumed";

  private EventingMeters() {}
}
