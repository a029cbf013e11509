package io.huoshui.matching.domain;

/** A product whose regions cover a demand's county, at the most local tier that does. */
public record Placement(Product product, Tier tier) {}
