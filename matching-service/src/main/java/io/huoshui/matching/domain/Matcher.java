package io.huoshui.matching.domain;

import static io.huoshui.vocabulary.ProductCategory.SYNDICATED;

import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fits, ranks and picks products for a demand. The order is total and depends only on the inputs
 * (score, then tier, then the lower rate, then bank code and product id), so that every instance
 * picks the same products for the same demand.
 */
public final class Matcher {

  static final Comparator<Proposal> BEST_FIRST =
      Comparator.comparing((Proposal p) -> p.score().total())
          .reversed()
          .thenComparing(Proposal::tier)
          .thenComparing(p -> p.product().midRate())
          .thenComparing(p -> p.product().bankCode())
          .thenComparing(p -> p.product().productId());

  private final Catalog catalog;
  private final InstrumentIndex instruments;
  private final Scoring scoring;

  public Matcher(Catalog catalog, InstrumentIndex instruments, Scoring scoring) {
    this.catalog = catalog;
    this.instruments = instruments;
    this.scoring = scoring;
  }

  /**
   * Whether the product passes every rule for the demand on the day, with the policy instruments
   * that serve it: a guarantee stands for collateral.
   */
  public boolean fits(Product product, Demand demand, LocalDate today) {
    return FitRule.fits(product, instruments.serving(demand, today).assessed(demand), today);
  }

  /**
   * Picks up to {@code slots} products of different banks, none of the excluded banks: county tier
   * first, the city tier only when the county tier yields fewer than needed, the province tier only
   * when both yield fewer.
   *
   * @param excludedBanks banks that already hold or held a match for this demand
   * @return {@link MatchOutcome.NoMatch} only when no product at all fits the demand
   */
  public MatchOutcome match(Demand demand, LocalDate today, Set<String> excludedBanks, int slots) {
    return match(demand, today, excludedBanks, slots, false);
  }

  /**
   * As {@link #match(Demand, LocalDate, Set, int)}, for a demand a bank declined for insufficient
   * collateral when {@code collateralFellShort}: the products that lend without the collateral the
   * demand offers — on a guarantee instrument standing for it, or as a credit loan — come first,
   * whatever their tier, since the next bank asking for the same collateral would decline it too.
   * The rest follow in the usual order.
   */
  public MatchOutcome match(
      Demand demand,
      LocalDate today,
      Set<String> excludedBanks,
      int slots,
      boolean collateralFellShort) {
    Map<Tier, List<Proposal>> byTier = new EnumMap<>(Tier.class);
    ServingInstruments serving = instruments.serving(demand, today);
    Demand assessed = serving.assessed(demand);
    boolean anyFits = false;
    for (Placement placement : catalog.candidates(demand)) {
      Product product = placement.product();
      if (!FitRule.fits(product, assessed, today)) {
        continue;
      }
      anyFits = true;
      if (!excludedBanks.contains(product.bankCode())) {
        byTier
            .computeIfAbsent(placement.tier(), tier -> new ArrayList<>())
            .add(propose(demand, serving, placement, today));
      }
    }
    if (!anyFits) {
      return demand.tags().contains(Tag.SYNDICATION)
          ? syndicate(demand, today, excludedBanks, demand.amountRequested(), null)
          : diagnose(assessed, today);
    }
    List<Proposal> picks = new ArrayList<>(slots);
    Set<String> banks = new HashSet<>(excludedBanks);
    byTier.values().forEach(proposals -> proposals.sort(BEST_FIRST));
    if (collateralFellShort) {
      pick(byTier, Proposal::lendsWithoutOfferedCollateral, slots, banks, picks);
    }
    pick(byTier, proposal -> true, slots, banks, picks);
    return new MatchOutcome.Proposals(picks);
  }

  /**
   * Shares a demand that no single product covers among banks (a syndicate, 银团): the lead takes
   * what its product can lend, then one product per bank, county tier first and best first within
   * it, takes what is left up to its own ceiling or budget, until the part still uncovered is
   * shared out. A product whose minimum is above what is left takes no share.
   *
   * @param uncovered the part of the amount requested that no live member's share holds yet
   * @param leadBankCode the syndicate's lead, null while it has none: then the best product of the
   *     category SYNDICATED leads, or the best product taking a share when there is none; products
   *     of that category take their shares before the others
   * @return the members' proposals, or NoMatch when all the banks together cannot cover it
   */
  public MatchOutcome syndicate(
      Demand demand,
      LocalDate today,
      Set<String> excludedBanks,
      BigDecimal uncovered,
      String leadBankCode) {
    ServingInstruments serving = instruments.serving(demand, today);
    Demand assessed = serving.assessed(demand);
    List<Proposal> takers = new ArrayList<>();
    for (Placement placement : catalog.shareCandidates(demand)) {
      Product product = placement.product();
      if (!excludedBanks.contains(product.bankCode())
          && FitRule.takesShare(product, assessed, today)) {
        takers.add(propose(demand, serving, placement, today));
      }
    }
    Comparator<Proposal> syndicatedFirst =
        Comparator.comparing((Proposal taker) -> taker.product().category() != SYNDICATED)
            .thenComparing(Proposal::tier)
            .thenComparing(BEST_FIRST);
    String lead =
        leadBankCode != null
            ? leadBankCode
            : takers.stream()
                .min(syndicatedFirst)
                .map(taker -> taker.product().bankCode())
                .orElse(null);
    takers.sort(
        Comparator.comparing((Proposal taker) -> !taker.product().bankCode().equals(lead))
            .thenComparing(syndicatedFirst));
    List<Proposal> members = new ArrayList<>();
    Set<String> banks = new HashSet<>();
    BigDecimal left = uncovered;
    for (Proposal taker : takers) {
      if (left.signum() == 0) {
        break;
      }
      Product product = taker.product();
      BigDecimal share = taker.capacity().min(left);
      if (share.compareTo(product.minAmount()) >= 0 && banks.add(product.bankCode())) {
        members.add(taker.sharing(share, lead));
        left = left.subtract(share);
      }
    }
    if (left.signum() > 0) {
      return diagnose(assessed, today);
    }
    return new MatchOutcome.Proposals(members);
  }

  /** Adds the eligible proposals, county tier first, one per bank, until the slots are full. */
  private static void pick(
      Map<Tier, List<Proposal>> byTier,
      Predicate<Proposal> eligible,
      int slots,
      Set<String> banks,
      List<Proposal> picks) {
    for (Tier tier : Tier.values()) {
      for (Proposal proposal : byTier.getOrDefault(tier, List.of())) {
        if (picks.size() == slots) {
          return;
        }
        if (eligible.test(proposal) && banks.add(proposal.product().bankCode())) {
          picks.add(proposal);
        }
      }
    }
  }

  /**
   * The best fitting product, of none of the excluded banks, at a tier beyond {@code reached}: what
   * a financial office's push to the next tier gives the demand. Empty when none fits there.
   *
   * @param reached the widest tier the demand has reached, null when it has reached none
   */
  public Optional<Proposal> bestBeyond(
      Demand demand, LocalDate today, Set<String> excludedBanks, Tier reached) {
    ServingInstruments serving = instruments.serving(demand, today);
    Demand assessed = serving.assessed(demand);
    return catalog.candidates(demand).stream()
        .filter(placement -> reached == null || placement.tier().compareTo(reached) > 0)
        .filter(placement -> !excludedBanks.contains(placement.product().bankCode()))
        .filter(placement -> FitRule.fits(placement.product(), assessed, today))
        .map(placement -> propose(demand, serving, placement, today))
        .min(Comparator.comparing(Proposal::tier).thenComparing(BEST_FIRST));
  }

  /**
   * A product a financial office names for the demand, scored as the matcher would, whether it fits
   * or not: at its most local tier covering the county, or PROVINCE when none of its regions does.
   */
  public Proposal named(Demand demand, Product product, LocalDate today) {
    Tier tier = Tier.covering(product, demand.county()).orElse(Tier.PROVINCE);
    return new Proposal(
        product,
        tier,
        scoring.score(demand, product, tier),
        instruments.serving(demand, today).with(demand, product),
        PledgeCover.of(product, demand, today).orElse(null),
        null);
  }

  /**
   * Whether the product could take a share of the demand in a syndicate: it passes every rule for
   * the demand but the amount's, with the instruments that serve it.
   */
  public boolean takesShare(Demand demand, Product product, LocalDate today) {
    return FitRule.takesShare(product, instruments.serving(demand, today).assessed(demand), today);
  }

  /**
   * The most the product could take of the demand: its ceiling or budget left, no more than the
   * demand's detailed green pledges carry with it, at most all.
   */
  public BigDecimal largestShare(Demand demand, Product product, LocalDate today) {
    return named(demand, product, today).capacity().min(demand.amountRequested());
  }

  /** The product as a member of the syndicate the given bank leads, for the share named. */
  public Proposal sharing(
      Demand demand, Product product, LocalDate today, BigDecimal share, String leadBankCode) {
    return named(demand, product, today).sharing(share, leadBankCode);
  }

  private Proposal propose(
      Demand demand, ServingInstruments serving, Placement placement, LocalDate today) {
    Product product = placement.product();
    return new Proposal(
        product,
        placement.tier(),
        scoring.score(demand, product, placement.tier()),
        serving.with(demand, product),
        PledgeCover.of(product, demand, today).orElse(null),
        null);
  }

  private MatchOutcome.NoMatch diagnose(Demand demand, LocalDate today) {
    Catalog.Coverage coverage = catalog.coverage(demand.county());
    Map<FitRule, Integer> failures = new EnumMap<>(FitRule.class);
    Set<RuleExplanation> explanations = new LinkedHashSet<>();
    int outside = coverage.held() - coverage.serving().size();
    if (outside > 0) {
      failures.put(FitRule.REGION, outside);
    }
    for (Product product : coverage.serving()) {
      for (FitRule rule : FitRule.values()) {
        if (!rule.passes(product, demand, today)) {
          failures.merge(rule, 1, Integer::sum);
          if (rule == FitRule.AMOUNT) {
            PledgeCover.of(product, demand, today)
                .filter(cover -> !cover.covers(demand.amountRequested()))
                .ifPresent(cover -> explanations.addAll(cover.shortfalls(demand.termMonths())));
          }
        }
      }
    }
    return new MatchOutcome.NoMatch(coverage.held(), failures, List.copyOf(explanations));
  }
}
