package io.huoshui.matching.domain;

/**
 * A product chosen for a demand: where it serves from, why it was chosen and what public money goes
 * with it.
 */
public record Proposal(Product product, Tier tier, Score score, PolicySupport support) {

  /**
   * Whether the bank would lend without the collateral the demand offers: on a guarantee instrument
   * standing for it, or as a credit loan that asks none.
   */
  public boolean lendsWithoutOfferedCollateral() {
    return product.collateral().isEmpty()
        || support != null && support.guaranteeInPlaceOfCollateral();
  }
}
