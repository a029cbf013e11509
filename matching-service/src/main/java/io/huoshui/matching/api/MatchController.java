package io.huoshui.matching.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.matching.application.MatchQueries;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.DemandStatus;
import io.huoshui.matching.domain.FitRule;
import io.huoshui.matching.domain.InstrumentOffer;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.PledgeCover;
import io.huoshui.matching.domain.PolicySupport;
import io.huoshui.matching.domain.Reason;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.domain.SyndicateShare;
import io.huoshui.matching.domain.Tier;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A demand's matches with their scores and reasons, for its county and the operators above it; and
 * the supervision board of unanswered matches, for operators. What a tenant may not see answers
 * 404, as if it did not exist; a tenant of the wrong kind gets 403.
 */
@RestController
@RequestMapping("/api/v1")
class MatchController {

  private final MatchQueries queries;

  MatchController(MatchQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/projects/{projectId}/matches")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<DemandMatches> matchesOf(
      @PathVariable UUID projectId, Tenant tenant, ServerWebExchange exchange) {
    Language language = Language.of(exchange.getLocaleContext().getLocale());
    return queries
        .ofDemand(projectId, tenant)
        .switchIfEmpty(
            Mono.error(
                () -> ApiProblem.notFound("没有需求 " + projectId + "。", "No demand " + projectId)))
        .map(
            found ->
                new DemandMatches(
                    projectId,
                    found.demand().county(),
                    found.demand().status(),
                    NoMatchView.of(found.demand().noMatch(), language),
                    found.matches().stream()
                        .map(match -> MatchView.of(match, found.actions(), language))
                        .toList()));
  }

  @GetMapping("/supervision")
  @PreAuthorize("hasAuthority('SCOPE_matches:read')")
  Mono<Page<MatchView>> supervision(
      Tenant tenant,
      ServerWebExchange exchange,
      @RequestParam(required = false) String colour,
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String bank,
      @RequestParam(required = false) String closed,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    if (!tenant.isOperator()) {
      return Mono.error(
          ApiProblem.forbidden("督办看板仅供运营方使用。", "The supervision board is for operators"));
    }
    PageRequest request = PageRequest.parse(page, size);
    Language language = Language.of(exchange.getLocaleContext().getLocale());
    return queries
        .board(
            tenant,
            QueryParameters.oneOf("colour", colour, Colour.class),
            county(county),
            QueryParameters.text("bank", bank),
            Boolean.TRUE.equals(QueryParameters.trueOrFalse("closed", closed)),
            request.offset(),
            request.size())
        .map(
            found ->
                Page.of(
                    found.matches().stream()
                        .map(match -> MatchView.of(match, found.actions(), language))
                        .toList(),
                    request,
                    found.total()));
  }

  /** A division code: a province (2 digits), a city (4) or a county (6). */
  private static String county(String value) {
    String code = QueryParameters.text("county", value);
    if (code != null && !code.matches("[0-9]{2}([0-9]{2}([0-9]{2})?)?")) {
      throw ApiProblem.invalid(
          "county", "必须是 2、4 或 6 位行政区划代码", "must be a division code of 2, 4 or 6 digits");
    }
    return code;
  }

  /** A demand's matches, best first, and why nothing fitted when nothing did. */
  record DemandMatches(
      UUID projectId,
      String county,
      DemandStatus status,
      NoMatchView noMatch,
      List<MatchView> matches) {}

  /**
   * @param explanations why a rule turned products away, where a count says too little (a green
   *     pledge's licence or value), in the reader's language
   */
  record NoMatchView(
      int evaluatedProducts,
      Map<FitRule, Integer> failures,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExplanationView> explanations) {
    static NoMatchView of(MatchOutcome.NoMatch noMatch, Language language) {
      return noMatch == null
          ? null
          : new NoMatchView(
              noMatch.evaluatedProducts(),
              new TreeMap<>(noMatch.failures()),
              noMatch.explanations().stream()
                  .map(
                      explained ->
                          new ExplanationView(explained.rule(), explained.explanation(language)))
                  .toList());
    }
  }

  record ExplanationView(FitRule rule, String explanation) {}

  /** What the demand's green pledges carry with the match's product, worded for the reader. */
  record PledgeView(BigDecimal value, BigDecimal ceiling, String explanation) {
    static PledgeView of(PledgeCover cover, Language language) {
      return cover == null
          ? null
          : new PledgeView(
              cover.value(), cover.ceiling(), language.pick(cover.explanation(), cover.english()));
    }
  }

  /** A part of the score, worded in the reader's language. */
  record ReasonView(String factor, BigDecimal points, String explanation) {
    static ReasonView of(Reason reason, Language language) {
      return new ReasonView(reason.factor(), reason.points(), reason.explanation(language));
    }
  }

  /** The public money of a proposal, its instruments worded in the reader's language. */
  record SupportView(
      BigDecimal annualRate,
      BigDecimal effectiveAnnualRate,
      boolean guaranteeInPlaceOfCollateral,
      List<InstrumentView> instruments) {
    static SupportView of(PolicySupport support, Language language) {
      return support == null
          ? null
          : new SupportView(
              support.annualRate(),
              support.effectiveAnnualRate(),
              support.guaranteeInPlaceOfCollateral(),
              support.instruments().stream()
                  .map(offer -> InstrumentView.of(offer, language))
                  .toList());
    }
  }

  /**
   * An instrument offered with a match.
   *
   * @param draw what the loan, approved in full, would take of the instrument's budget
   */
  record InstrumentView(
      UUID instrumentId,
      InstrumentKind kind,
      String name,
      String issuerRegion,
      BigDecimal draw,
      String explanation) {
    static InstrumentView of(InstrumentOffer offer, Language language) {
      return new InstrumentView(
          offer.instrumentId(),
          offer.kind(),
          offer.name(),
          offer.issuerRegion(),
          offer.draw(),
          offer.explanation(language));
    }
  }

  /**
   * One match.
   *
   * @param status PROPOSED (awaiting the bank's first answer), ANSWERED or RELEASED
   * @param stage what the bank owes next, whose deadline and colour are shown; null when no clock
   *     runs
   * @param escalatedTo the level of the financial office its RED at the running stage has reached
   *     (COUNTY, CITY, PROVINCE); null while not RED
   * @param manual pushed by a financial office by hand
   * @param support the policy instruments offered with it and the rate after subsidy; null for a
   *     match proposed before instruments were offered
   * @param syndicate its bank's place in the demand's syndicate (LEAD or PARTICIPANT), the share
   *     proposed to it and the lead bank; null when the bank was asked for the whole amount
   * @param approved what its bank approved for it, its committed share in a syndicate
   * @param disbursed what its bank paid out for it
   * @param supervision its supervision case, once it turned YELLOW or RED; null before
   */
  record MatchView(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String productName,
      Tier tier,
      int rank,
      BigDecimal score,
      List<ReasonView> reasons,
      Match.Status status,
      Stage stage,
      Colour colour,
      LocalDate deadline,
      Instant proposedAt,
      Match.Answer lastAnswer,
      Match.ReleaseCause releaseCause,
      Instant releasedAt,
      Tier escalatedTo,
      boolean manual,
      @JsonInclude(JsonInclude.Include.NON_NULL) PledgeView pledge,
      SupportView support,
      SyndicateShare syndicate,
      BigDecimal approved,
      BigDecimal disbursed,
      CaseView supervision) {

    static MatchView of(Match row, Map<UUID, List<SupervisionAction>> actions, Language language) {
      return new MatchView(
          row.matchId(),
          row.projectId(),
          row.county(),
          row.bankCode(),
          row.productId(),
          row.productName(),
          row.tier(),
          row.rank(),
          row.score(),
          row.reasons().stream().map(reason -> ReasonView.of(reason, language)).toList(),
          row.status(),
          row.stage(),
          row.colour(),
          row.deadline(),
          row.proposedAt(),
          row.lastAnswer(),
          row.releaseCause(),
          row.releasedAt(),
          row.escalatedTo(),
          row.manual(),
          PledgeView.of(row.pledge(), language),
          SupportView.of(row.support(), language),
          row.syndicate(),
          row.approved(),
          row.disbursed(),
          row.isCase() ? CaseView.of(row, actions.getOrDefault(row.matchId(), List.of())) : null);
    }
  }

  /**
   * A match's supervision case: when it opened, the offices' acknowledgements, oldest first, and
   * its closure (销号), null while open.
   */
  record CaseView(Instant openedAt, List<ActedView> acknowledgements, ActedView closure) {

    static CaseView of(Match row, List<SupervisionAction> actions) {
      return new CaseView(
          row.caseOpenedAt(),
          actions.stream()
              .filter(action -> action.action() == SupervisionAction.Kind.ACKNOWLEDGED)
              .map(ActedView::of)
              .toList(),
          actions.stream()
              .filter(action -> action.action() == SupervisionAction.Kind.CLOSED)
              .map(ActedView::of)
              .findFirst()
              .orElse(null));
    }
  }

  /**
   * One thing an office did about a case.
   *
   * @param reason a closure's reason, null for an acknowledgement
   */
  record ActedView(
      String reason,
      String note,
      String operatorRegion,
      String clientId,
      String requestId,
      Instant actedAt) {

    static ActedView of(SupervisionAction action) {
      return new ActedView(
          action.reason(),
          action.note(),
          action.operatorRegion(),
          action.clientId(),
          action.requestId(),
          action.actedAt());
    }
  }
}
