package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A bank's credit product as matching sees it.
 *
 * @param industries eligible industries; empty means no restriction
 * @param enterpriseSizes eligible sizes; empty means no restriction
 * @param regions division codes served; each covers every county whose code it prefixes
 * @param collateral collateral accepted; empty is a credit loan that needs none
 * @param validTo last day of validity, null when open-ended
 * @param remainingBudget what is left of the yearly budget, null when unlimited
 * @param active false once the bank retired it
 * @param decisionWorkingDays working days the bank gives itself for a credit decision after
 *     INTEREST on this product; null: the network's default
 * @param disbursementWorkingDays working days the bank gives itself for a first disbursement after
 *     APPROVAL on this product; null: the network's default
 * @param greenTerms per green kind it takes, the share of a detailed pledge's value it lends and
 *     how it values it; empty: it lends on the kinds alone
 */
public record Product(
    UUID productId,
    String bankCode,
    String name,
    ProductCategory category,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    int minTermMonths,
    int maxTermMonths,
    BigDecimal minAnnualRate,
    BigDecimal maxAnnualRate,
    Set<Industry> industries,
    Set<EnterpriseSize> enterpriseSizes,
    List<String> regions,
    Set<Collateral> collateral,
    Set<Tag> tags,
    LocalDate validFrom,
    LocalDate validTo,
    BigDecimal remainingBudget,
    boolean active,
    long version,
    Integer decisionWorkingDays,
    Integer disbursementWorkingDays,
    List<GreenTerms> greenTerms) {

  public Product {
    industries = Set.copyOf(industries);
    enterpriseSizes = Set.copyOf(enterpriseSizes);
    regions = List.copyOf(regions);
    collateral = Set.copyOf(collateral);
    tags = Set.copyOf(tags);
    greenTerms = greenTerms == null ? List.of() : List.copyOf(greenTerms);
  }

  /** Its terms for pledges of the kind, if it states any. */
  Optional<GreenTerms> greenTerms(Collateral kind) {
    return greenTerms.stream().filter(terms -> terms.kind() == kind).findFirst();
  }

  /**
   * Whether this version fits no demand the earlier one did not: the same rules (regions, ranges,
   * eligibility, collateral and its green terms, validity) and a remaining budget no larger. A new
   * rate or name, or an approval that lowered the budget, gives no demand with room a new product.
   */
  public boolean admitsNothingBeyond(Product before) {
    return (!active || before.active)
        && minAmount.compareTo(before.minAmount) == 0
        && maxAmount.compareTo(before.maxAmount) == 0
        && minTermMonths == before.minTermMonths
        && maxTermMonths == before.maxTermMonths
        && industries.equals(before.industries)
        && enterpriseSizes.equals(before.enterpriseSizes)
        && Set.copyOf(regions).equals(Set.copyOf(before.regions))
        && collateral.equals(before.collateral)
        && Set.copyOf(greenTerms).equals(Set.copyOf(before.greenTerms))
        && validFrom.equals(before.validFrom)
        && Objects.equals(validTo, before.validTo)
        && (remainingBudget != null
                && (before.remainingBudget == null
                    || remainingBudget.compareTo(before.remainingBudget) <= 0)
            || remainingBudget == null && before.remainingBudget == null);
  }

  boolean isGreen() {
    return category == ProductCategory.GREEN || tags.contains(Tag.GREEN);
  }

  boolean isInclusive() {
    return category == ProductCategory.INCLUSIVE || tags.contains(Tag.INCLUSIVE);
  }

  /** The middle of the rate band: what a typical borrower can expect, in percent. */
  /** The most this product lends one demand: its ceiling, or what is left of its budget if less. */
  BigDecimal shareCapacity() {
    return remainingBudget == null ? maxAmount : maxAmount.min(remainingBudget);
  }

  BigDecimal midRate() {
    return minAnnualRate.add(maxAnnualRate).divide(BigDecimal.valueOf(2));
  }
}
