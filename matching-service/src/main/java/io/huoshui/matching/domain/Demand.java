package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A county's financing demand as matching sees it: only what the fit rules and the score read. The
 * enterprise's identity is deliberately absent, so nothing derived from it can reach a bank.
 *
 * @param county the division code of the demand's county (6 digits)
 * @param greenPledges the pledges of rights it details, each of a green kind among its collateral;
 *     empty for a demand that details none (the AMOUNT rule then reads the kinds alone)
 */
public record Demand(
    UUID projectId,
    String county,
    Industry industry,
    EnterpriseSize enterpriseSize,
    Purpose purpose,
    BigDecimal amountRequested,
    int termMonths,
    Set<Collateral> collateral,
    Set<Tag> tags,
    List<GreenPledge> greenPledges) {

  public Demand {
    collateral = Set.copyOf(collateral);
    tags = Set.copyOf(tags);
    greenPledges = greenPledges == null ? List.of() : List.copyOf(greenPledges);
  }

  /** Whether inclusive (普惠) products suit it: tagged so, or a small or micro enterprise. */
  boolean wantsInclusive() {
    return tags.contains(Tag.INCLUSIVE) || enterpriseSize.isSmallOrMicro();
  }
}
