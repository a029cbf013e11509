package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.SHANXI;
import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.SyndicateRole;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A demand larger than any one product, shared among banks (银团): the lead takes what its product
 * lends, the others the rest, county tier first, until the amount requested is shared out to the
 * cent — and only when the county consents to a syndicate.
 */
class SyndicateTest {

  /** 长子县's industry-education park asks 190 M CNY over ten years, open to a syndicate. */
  private static final Demand PARK =
      Examples.demand()
          .size(EnterpriseSize.LARGE)
          .amount("190000000.00")
          .term(120)
          .tags(Tag.KEY_PROJECT, Tag.SYNDICATION)
          .build();

  private static final Product LEAD =
      Examples.product("jinshang-bank", SHANXI)
          .id(200)
          .category(ProductCategory.SYNDICATED)
          .amounts("50000000.00", "100000000.00")
          .terms(36, 180)
          .build();

  private static final Product CITY_LOAN =
      Examples.product("shanxi-bank", CHANGZHI)
          .id(201)
          .amounts("5000000.00", "60000000.00")
          .terms(24, 120)
          .build();

  private static final Product COUNTY_LOAN =
      Examples.product("zhangzi-rcb", ZHANGZI)
          .id(202)
          .amounts("5000000.00", "50000000.00")
          .terms(24, 120)
          .build();

  /** Its minimum is above what is left once the others took their shares. */
  private static final Product LARGE_TICKETS_ONLY =
      Examples.product("cib-changzhi", CHANGZHI)
          .id(203)
          .amounts("95000000.00", "150000000.00")
          .terms(24, 120)
          .build();

  @Test
  void aDemandNoProductCoversIsSharedByALeadAndParticipantsToTheCent() {
    MatchOutcome outcome = matcher(LEAD, CITY_LOAN, COUNTY_LOAN).match(PARK, TODAY, Set.of(), 3);

    List<Proposal> members = ((MatchOutcome.Proposals) outcome).picks();
    assertThat(members)
        .extracting(member -> member.product().bankCode())
        .containsExactly("jinshang-bank", "zhangzi-rcb", "shanxi-bank");
    assertThat(members)
        .extracting(member -> member.syndicate().role())
        .containsExactly(SyndicateRole.LEAD, SyndicateRole.PARTICIPANT, SyndicateRole.PARTICIPANT);
    assertThat(members)
        .extracting(member -> member.syndicate().share())
        .containsExactly(
            new BigDecimal("100000000.00"),
            new BigDecimal("50000000.00"),
            new BigDecimal("40000000.00"));
    assertThat(members)
        .allMatch(member -> member.syndicate().leadBankCode().equals("jinshang-bank"));
  }

  @Test
  void aProductWhoseMinimumIsAboveWhatIsLeftTakesNoShare() {
    MatchOutcome outcome =
        matcher(LEAD, LARGE_TICKETS_ONLY, CITY_LOAN, COUNTY_LOAN).match(PARK, TODAY, Set.of(), 3);

    List<Proposal> members = ((MatchOutcome.Proposals) outcome).picks();
    assertThat(members)
        .extracting(member -> member.product().bankCode())
        .containsExactly("jinshang-bank", "zhangzi-rcb", "shanxi-bank");
    assertThat(outcomeOf(matcher(LEAD, LARGE_TICKETS_ONLY), PARK))
        .isInstanceOf(MatchOutcome.NoMatch.class);
  }

  @Test
  void withoutTheCountysConsentOrWhenTheBanksTogetherFallShortItIsNoMatchOnTheAmount() {
    Demand alone =
        Examples.demand().size(EnterpriseSize.LARGE).amount("190000000.00").term(120).build();

    MatchOutcome refused = outcomeOf(matcher(LEAD, CITY_LOAN, COUNTY_LOAN), alone);
    MatchOutcome short1 = outcomeOf(matcher(LEAD, COUNTY_LOAN), PARK);

    assertThat(((MatchOutcome.NoMatch) refused).failures()).isEqualTo(Map.of(FitRule.AMOUNT, 3));
    assertThat(((MatchOutcome.NoMatch) short1).failures()).isEqualTo(Map.of(FitRule.AMOUNT, 2));
  }

  @Test
  void aProductThatCoversTheWholeAmountIsProposedAloneEvenToADemandOpenToASyndicate() {
    Product whole =
        Examples.product("changan-bank", SHANXI)
            .id(204)
            .amounts("5000000.00", "300000000.00")
            .terms(24, 180)
            .build();

    List<Proposal> picks =
        ((MatchOutcome.Proposals) outcomeOf(matcher(LEAD, CITY_LOAN, whole), PARK)).picks();

    assertThat(picks).extracting(pick -> pick.product().bankCode()).containsExactly("changan-bank");
    assertThat(picks.get(0).syndicate()).isNull();
  }

  @Test
  void theLeadInvitesAProductThatTakesSharesUpToWhatItLends() {
    Matcher matcher = matcher(LEAD, CITY_LOAN, COUNTY_LOAN);
    Product elsewhere = Examples.product("changan-shangluo", "6110").id(205).build();

    Proposal invited =
        matcher.sharing(PARK, COUNTY_LOAN, TODAY, new BigDecimal("30000000.00"), "jinshang-bank");

    assertThat(invited.syndicate())
        .isEqualTo(
            new SyndicateShare(
                SyndicateRole.PARTICIPANT, new BigDecimal("30000000.00"), "jinshang-bank"));
    assertThat(matcher.takesShare(PARK, COUNTY_LOAN, TODAY)).isTrue();
    assertThat(matcher.takesShare(PARK, elsewhere, TODAY)).isFalse();
    assertThat(matcher.largestShare(PARK, COUNTY_LOAN, TODAY)).isEqualByComparingTo("50000000.00");
  }

  private static MatchOutcome outcomeOf(Matcher matcher, Demand demand) {
    return matcher.match(demand, TODAY, Set.of(), 3);
  }

  private static Matcher matcher(Product... products) {
    ProductIndex index = new ProductIndex();
    for (Product product : products) {
      index.put(product);
    }
    return new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW));
  }
}
