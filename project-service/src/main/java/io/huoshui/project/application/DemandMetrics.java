package io.huoshui.project.application;

import io.huoshui.project.domain.Project;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Demand as the dashboards count it. Labels are the county and the industry only: both come from
 * closed, small sets (the network's counties, seven industries), never ids or names.
 */
@Component
class DemandMetrics {

  private final MeterRegistry meters;

  DemandMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void submitted(Project project) {
    counter("huoshui.demands.submitted", "Demands submitted", project).increment();
    // A counter holds a double: fine for a dashboard's total, never used as money.
    counter(
            "huoshui.demand.amount.requested.cny",
            "Amount requested by submitted demands, CNY",
            project)
        .increment(project.demand().amountRequested().doubleValue());
  }

  void withdrawn(Project project) {
    counter("huoshui.demands.withdrawn", "Demands withdrawn by their county", project).increment();
  }

  void closed(Project project) {
    counter("huoshui.demands.closed", "Demands closed by their county", project).increment();
  }

  private Counter counter(String name, String description, Project project) {
    return Counter.builder(name)
        .description(description)
        .tag("county", project.county())
        .tag("industry", project.demand().industry().name())
        .register(meters);
  }
}
