package io.huoshui.matching.domain;

import io.huoshui.vocabulary.SyndicateRole;
import java.math.BigDecimal;

/**
 * A product chosen for a demand: where it serves from, why it was chosen, what public money goes
 * with it, when it lends on the demand's detailed green pledges, what they carry and, for a demand
 * shared among banks, its bank's share.
 *
 * @param pledge what the demand's detailed green pledges carry with the product, null when it lends
 *     on none
 * @param syndicate the bank's place in the demand's syndicate, null when it is asked for the whole
 */
public record Proposal(
    Product product,
    Tier tier,
    Score score,
    PolicySupport support,
    PledgeCover pledge,
    SyndicateShare syndicate) {

  /** A proposal for the whole amount requested, on no detailed pledge. */
  public Proposal(Product product, Tier tier, Score score, PolicySupport support) {
    this(product, tier, score, support, null, null);
  }

  /** The same proposal as a share of a syndicate that the given bank leads. */
  Proposal sharing(BigDecimal share, String leadBankCode) {
    SyndicateRole role =
        product.bankCode().equals(leadBankCode) ? SyndicateRole.LEAD : SyndicateRole.PARTICIPANT;
    return new Proposal(
        product, tier, score, support, pledge, new SyndicateShare(role, share, leadBankCode));
  }

  /**
   * The most its product can take as a share of a syndicate: its ceiling or budget left, and no
   * more than the demand's detailed green pledges carry with it, since a share is not held to the
   * AMOUNT rule that would otherwise enforce their ceiling.
   */
  BigDecimal capacity() {
    BigDecimal lends = product.shareCapacity();
    return pledge == null ? lends : lends.min(pledge.ceiling());
  }

  /**
   * Whether the bank would lend without the collateral the demand offers: on a guarantee instrument
   * standing for it, or as a credit loan that asks none.
   */
  public boolean lendsWithoutOfferedCollateral() {
    return product.collateral().isEmpty()
        || support != null && support.guaranteeInPlaceOfCollateral();
  }
}
