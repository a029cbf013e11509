package io.huoshui.matching.domain;

/**
 * What writing a submitted or changed demand found.
 *
 * @param inserted whether the demand is new: it was written as decided
 * @param before the demand as held before, when the row existed and the writing transaction saw it
 */
public record DemandWritten(boolean inserted, StoredDemand before) {}
