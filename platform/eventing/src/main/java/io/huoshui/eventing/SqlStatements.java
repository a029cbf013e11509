package io.huoshui.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;

/**
 * Counts the round trips a service makes to its database: every statement it executes (a batch of
 * bindings counts once per binding) and every begin, commit and rollback. {@code
 * huoshui_sql_statements_total} divided by the demands handled is what a change to a hot path is
 * judged by (the load benchmark prints it per demand and service).
 */
final class SqlStatements implements ProxyExecutionListener {

  private final Counter queries;
  private final Counter begins;
  private final Counter commits;
  private final Counter rollbacks;

  SqlStatements(MeterRegistry meters) {
    this.queries = counter(meters, "query");
    this.begins = counter(meters, "begin");
    this.commits = counter(meters, "commit");
    this.rollbacks = counter(meters, "rollback");
  }

  private static Counter counter(MeterRegistry meters, String kind) {
    return Counter.builder(EventingMeters.SQL_STATEMENTS)
        .description("SQL statements and transaction boundaries sent to the database")
        .tag("kind", kind)
        .register(meters);
  }

  @Override
  public void afterQuery(QueryExecutionInfo execution) {
    queries.increment(Math.max(1, execution.getBindingsSize()));
  }

  @Override
  public void afterMethod(MethodExecutionInfo execution) {
    switch (execution.getMethod().getName()) {
      case "beginTransaction" -> begins.increment();
      case "commitTransaction" -> commits.increment();
      case "rollbackTransaction" -> rollbacks.increment();
      default -> {
        // other calls make no round trip of their own
      }
    }
  }
}
