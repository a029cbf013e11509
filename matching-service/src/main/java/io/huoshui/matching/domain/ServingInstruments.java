package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.InstrumentKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy instruments that serve one demand, and what they give it with each product.
 *
 * <p>A guarantee is collateral a bank can lend on: a demand that a guarantee instrument serves
 * offers GUARANTEE to every product that takes guaranteed loans, whatever it pledges itself. A
 * subsidy lowers the interest the enterprise pays whatever the product; of several, the largest
 * applies, since a loan receives one subsidy. A risk pool shares the loss of any bank's loan.
 */
public record ServingInstruments(List<Instrument> instruments) {

  public static final ServingInstruments NONE = new ServingInstruments(List.of());

  public ServingInstruments {
    instruments = List.copyOf(instruments);
  }

  /** The demand as the collateral rule reads it: with a guarantee when one serves it. */
  public Demand assessed(Demand demand) {
    if (instruments.stream().noneMatch(instrument -> instrument.kind() == InstrumentKind.GUARANTEE)
        || demand.collateral().contains(Collateral.GUARANTEE)) {
      return demand;
    }
    Set<Collateral> offered = new HashSet<>(demand.collateral());
    offered.remove(Collateral.NONE);
    offered.add(Collateral.GUARANTEE);
    return new Demand(
        demand.projectId(),
        demand.county(),
        demand.industry(),
        demand.enterpriseSize(),
        demand.purpose(),
        demand.amountRequested(),
        demand.termMonths(),
        offered,
        demand.tags(),
        demand.greenPledges());
  }

  /** What the instruments give the demand's loan from the product, with the rate it would pay. */
  public PolicySupport with(Demand demand, Product product) {
    boolean takesGuarantees = product.collateral().contains(Collateral.GUARANTEE);
    boolean guaranteeInPlaceOfCollateral =
        takesGuarantees && !FitRule.COLLATERAL.passes(product, demand, null);
    Instrument subsidy = null;
    List<Instrument> offered = new ArrayList<>(instruments.size());
    for (Instrument instrument : instruments) {
      switch (instrument.kind()) {
        case INTEREST_SUBSIDY -> {
          if (subsidy == null
              || instrument.subsidyPoints().compareTo(subsidy.subsidyPoints()) > 0) {
            subsidy = instrument;
          }
        }
        case GUARANTEE -> {
          if (takesGuarantees) {
            offered.add(instrument);
          }
        }
        case RISK_COMPENSATION -> offered.add(instrument);
      }
    }
    BigDecimal rate = product.midRate().setScale(2, RoundingMode.HALF_UP);
    BigDecimal effective =
        subsidy == null ? rate : rate.subtract(subsidy.subsidyPoints()).max(BigDecimal.ZERO);
    effective = effective.setScale(2, RoundingMode.HALF_UP);
    List<InstrumentOffer> offers = new ArrayList<>(offered.size() + 1);
    if (subsidy != null) {
      offers.add(InstrumentOffer.of(subsidy, demand, effective, false));
    }
    for (Instrument instrument : offered) {
      offers.add(
          InstrumentOffer.of(
              instrument,
              demand,
              effective,
              guaranteeInPlaceOfCollateral && instrument.kind() == InstrumentKind.GUARANTEE));
    }
    return new PolicySupport(offers, rate, effective, guaranteeInPlaceOfCollateral);
  }
}
