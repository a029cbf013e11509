package io.huoshui.matching.domain;

/**
 * A product chosen for a demand: where it serves from, why it was chosen and what public money goes
 * with it.
 */
public record Proposal(Product product, Tier tier, Score score, PolicySupport support) {}
