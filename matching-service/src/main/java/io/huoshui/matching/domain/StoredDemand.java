package io.huoshui.matching.domain;

/**
 * A demand as held: its anonymised content and matching state.
 *
 * @param partition the huoshui.projects partition the demand is keyed to
 */
public record StoredDemand(Demand demand, long version, DemandStatus status, int partition) {}
