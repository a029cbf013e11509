package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import java.time.LocalDate;

/**
 * The hard rules a product must pass for a demand; a product that fails one is never pushed. The
 * names are those of {@code NoMatch.failures[].rule} in docs/events.md.
 */
public enum FitRule {
  REGION {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return Tier.covering(product, demand.county()).isPresent();
    }
  },
  /**
   * Within the product's range and, when the demand details green pledges the product states terms
   * for, within what they carry ({@link PledgeCover}).
   */
  AMOUNT {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.minAmount().compareTo(demand.amountRequested()) <= 0
          && demand.amountRequested().compareTo(product.maxAmount()) <= 0
          && PledgeCover.of(product, demand, today)
              .map(cover -> cover.covers(demand.amountRequested()))
              .orElse(true);
    }
  },
  TERM {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.minTermMonths() <= demand.termMonths()
          && demand.termMonths() <= product.maxTermMonths();
    }
  },
  INDUSTRY {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.industries().isEmpty() || product.industries().contains(demand.industry());
    }
  },
  ENTERPRISE_SIZE {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.enterpriseSizes().isEmpty()
          || product.enterpriseSizes().contains(demand.enterpriseSize());
    }
  },
  /** A credit loan (no collateral asked) suits anyone; otherwise one offered item must be taken. */
  COLLATERAL {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      if (product.collateral().isEmpty()) {
        return true;
      }
      for (Collateral offered : demand.collateral()) {
        if (product.collateral().contains(offered)) {
          return true;
        }
      }
      return false;
    }
  },
  VALIDITY {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.active()
          && !today.isBefore(product.validFrom())
          && (product.validTo() == null || !today.isAfter(product.validTo()));
    }
  },
  BUDGET {
    @Override
    boolean passes(Product product, Demand demand, LocalDate today) {
      return product.remainingBudget() == null
          || product.remainingBudget().compareTo(demand.amountRequested()) >= 0;
    }
  };

  abstract boolean passes(Product product, Demand demand, LocalDate today);

  /** Whether the rule measures the amount, which a share of a syndicate is instead held to. */
  private boolean measuresAmount() {
    return this == AMOUNT || this == BUDGET;
  }

  /**
   * Whether the product could take a share of the demand in a syndicate: it passes every rule but
   * those of the amount, and what it can lend reaches its own minimum.
   */
  static boolean takesShare(Product product, Demand demand, LocalDate today) {
    for (FitRule rule : values()) {
      if (!rule.measuresAmount() && !rule.passes(product, demand, today)) {
        return false;
      }
    }
    return product.shareCapacity().compareTo(product.minAmount()) >= 0;
  }

  /** Whether the product passes every rule for the demand on the given day. */
  public static boolean fits(Product product, Demand demand, LocalDate today) {
    for (FitRule rule : values()) {
      if (!rule.passes(product, demand, today)) {
        return false;
      }
    }
    return true;
  }
}
