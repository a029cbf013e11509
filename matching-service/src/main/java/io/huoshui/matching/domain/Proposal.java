package io.huoshui.matching.domain;

/** A product chosen for a demand: where it serves from and why it was chosen. */
public record Proposal(Product product, Tier tier, Score score) {}
