package io.huoshui.project.report;

import io.huoshui.project.persistence.Visibility;
import io.huoshui.project.persistence.Where;
import io.huoshui.project.report.InstrumentFigures.KindRow;
import io.huoshui.project.report.InstrumentFigures.UseRow;
import io.huoshui.project.report.QuarterlyFigures.BankRow;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import io.huoshui.project.report.QuarterlyFigures.Scope;
import io.huoshui.project.report.QuarterlyFigures.StuckRow;
import io.huoshui.project.report.QuarterlyFigures.SupervisionRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly figures read from the demands, their matches and their timelines, within what the
 * tenant may see as {@link Visibility} decides it for every query of the service.
 */
@Repository
class ReportStore {

  /** The timeline steps that are a bank's answer to a match. */
  private static final String ANSWER_STEPS =
      "'BANK_INTEREST', 'BANK_DECLINE', 'APPROVED', 'DISBURSED'";

  private static final String FIRST_ANSWER =
      """
      (SELECT min(a.occurred_at) FROM project_timeline a
        WHERE a.project_id = m.project_id AND a.details->>'matchId' = m.match_id::text
          AND a.step IN (%s))
      """
          .formatted(ANSWER_STEPS);

  private final DatabaseClient database;
  private final JsonMapper json;

  ReportStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** The funnel by county or by industry, of the demands submitted within the quarter. */
  Flux<FunnelRow> funnelBy(Scope scope, Grouping grouping) {
    Where where = visible(scope).and("p.submitted_at >= :from", "from", scope.from());
    where.and("p.submitted_at < :to", "to", scope.to());
    String column = grouping.column;
    return where
        .bind(
            database.sql(
                """
                SELECT %s AS grp,
                  count(*) AS submitted,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM project_match m
                    WHERE m.project_id = p.id AND m.proposed_at IS NOT NULL)) AS pushed,
                  count(*) FILTER (WHERE p.status = 'NO_MATCH') AS no_match,
                  count(*) FILTER (WHERE p.status = 'EXHAUSTED') AS exhausted,
                  count(*) FILTER (WHERE p.amount_intended > 0) AS with_intent,
                  count(*) FILTER (WHERE p.amount_approved > 0) AS approved,
                  count(*) FILTER (WHERE p.amount_disbursed > 0) AS disbursed,
                  count(*) FILTER (WHERE p.status = 'WITHDRAWN') AS withdrawn,
                  sum(p.amount_requested) AS requested_amount,
                  sum(p.amount_intended) AS intended_amount,
                  sum(p.amount_approved) AS approved_amount,
                  sum(p.amount_disbursed) AS disbursed_amount
                FROM project p WHERE %s
                GROUP BY %s ORDER BY %s
                """
                    .formatted(column, where.sql(), column, column)))
        .map(
            row ->
                new FunnelRow(
                    row.get("grp", String.class),
                    null,
                    row.get("submitted", Long.class),
                    row.get("pushed", Long.class),
                    row.get("no_match", Long.class),
                    row.get("exhausted", Long.class),
                    row.get("with_intent", Long.class),
                    row.get("approved", Long.class),
                    row.get("disbursed", Long.class),
                    row.get("withdrawn", Long.class),
                    row.get("requested_amount", BigDecimal.class),
                    row.get("intended_amount", BigDecimal.class),
                    row.get("approved_amount", BigDecimal.class),
                    row.get("disbursed_amount", BigDecimal.class)))
        .all();
  }

  /** How the funnel is broken down; the column names are ours, never the caller's text. */
  enum Grouping {
    COUNTY("p.county"),
    INDUSTRY("p.industry");

    private final String column;

    Grouping(String column) {
      this.column = column;
    }
  }

  /** Each bank's answers to the matches proposed to it within the quarter. */
  Flux<BankRow> banks(Scope scope) {
    Where where = visible(scope).and("m.proposed_at >= :from", "from", scope.from());
    where.and("m.proposed_at < :to", "to", scope.to());
    return where
        .bind(
            database.sql(
                """
                WITH pushed AS (
                  SELECT m.bank_code, m.proposed_at, m.amount_intended, m.amount_approved,
                    m.amount_disbursed, %s AS first_answer_at,
                    EXISTS (SELECT 1 FROM project_timeline d WHERE d.project_id = m.project_id
                      AND d.details->>'matchId' = m.match_id::text
                      AND d.step = 'BANK_DECLINE') AS declined,
                    (SELECT d.details->>'syndicateRole' FROM project_timeline d
                      WHERE d.project_id = m.project_id AND d.details->>'matchId' = m.match_id::text
                      AND d.step = 'PUSHED' LIMIT 1) AS syndicate_role
                  FROM project_match m JOIN project p ON p.id = m.project_id
                  WHERE %s
                )
                SELECT bank_code,
                  count(*) AS pushed,
                  count(first_answer_at) AS answered,
                  count(*) FILTER (WHERE amount_intended > 0) AS interested,
                  count(*) FILTER (WHERE declined) AS declined,
                  count(*) FILTER (WHERE amount_approved > 0) AS approved,
                  sum(amount_intended) AS intended_amount,
                  sum(amount_approved) AS approved_amount,
                  sum(amount_disbursed) AS disbursed_amount,
                  percentile_cont(0.5) WITHIN GROUP
                    (ORDER BY extract(epoch FROM first_answer_at - proposed_at) / 3600)
                    AS median_hours,
                  avg(extract(epoch FROM first_answer_at - proposed_at) / 3600) AS mean_hours,
                  COALESCE(sum(amount_approved) FILTER (WHERE syndicate_role = 'LEAD'), 0.00)
                    AS lead_approved_amount,
                  COALESCE(sum(amount_approved) FILTER (WHERE syndicate_role = 'PARTICIPANT'), 0.00)
                    AS participant_approved_amount
                FROM pushed GROUP BY bank_code ORDER BY bank_code
                """
                    .formatted(FIRST_ANSWER, where.sql())))
        .map(
            row ->
                new BankRow(
                    row.get("bank_code", String.class),
                    row.get("pushed", Long.class),
                    row.get("answered", Long.class),
                    row.get("interested", Long.class),
                    row.get("declined", Long.class),
                    row.get("approved", Long.class),
                    row.get("intended_amount", BigDecimal.class),
                    row.get("approved_amount", BigDecimal.class),
                    row.get("disbursed_amount", BigDecimal.class),
                    hours(row.get("median_hours", Number.class)),
                    hours(row.get("mean_hours", Number.class)),
                    row.get("lead_approved_amount", BigDecimal.class),
                    row.get("participant_approved_amount", BigDecimal.class)))
        .all();
  }

  /**
   * Notices issued in the quarter, by colour and by what closed each: the bank's answer to the
   * match, the match's release for another cause than RED (the demand financed, closed or withdrawn
   * elsewhere, or the match superseded), or a financial office's closure (销号), by its reason;
   * whichever came first. A RED release alone closes nothing: the case is the office's then.
   */
  Flux<SupervisionRow> supervision(Scope scope) {
    Where where =
        visible(scope)
            .and("t.step = 'SUPERVISION_NOTICE'")
            .and("t.occurred_at >= :from", "from", scope.from());
    where.and("t.occurred_at < :to", "to", scope.to());
    return where
        .bind(
            database.sql(
                """
                SELECT t.details->>'colour' AS colour, closing.how, count(*) AS notices
                FROM project_timeline t JOIN project p ON p.id = t.project_id
                LEFT JOIN LATERAL (
                  SELECT CASE a.step
                      WHEN 'SUPERVISION_ACTED' THEN a.details->>'reason'
                      WHEN 'MATCH_RELEASED' THEN 'MATCH_RELEASED'
                      ELSE 'BANK_ANSWERED' END AS how
                  FROM project_timeline a
                  WHERE a.project_id = t.project_id
                    AND a.details->>'matchId' = t.details->>'matchId'
                    AND a.occurred_at >= t.occurred_at
                    AND (a.step IN (%s)
                      OR (a.step = 'MATCH_RELEASED' AND a.details->>'cause' <> 'RED')
                      OR (a.step = 'SUPERVISION_ACTED' AND a.details->>'action' = 'CLOSED'))
                  ORDER BY a.occurred_at, a.seq LIMIT 1) AS closing ON TRUE
                WHERE %s
                GROUP BY t.details->>'colour', closing.how
                ORDER BY array_position(ARRAY['BLUE', 'YELLOW', 'RED'], t.details->>'colour')
                """
                    .formatted(ANSWER_STEPS, where.sql())))
        .map(
            row ->
                new SupervisionRow(
                    row.get("colour", String.class),
                    row.get("how", String.class),
                    row.get("notices", Long.class)))
        .all();
  }

  /** Open demands submitted before the quarter ended, those that moved longest ago first. */
  Flux<StuckRow> stuck(Scope scope, int limit) {
    Where where =
        visible(scope)
            .and(
                "p.status IN ('SUBMITTED', 'PUSHED', 'NO_MATCH', 'IN_TALKS', 'EXHAUSTED',"
                    + " 'APPROVED')")
            .and("p.submitted_at < :to", "to", scope.to());
    return where
        .bind(
            database
                .sql(
                    """
                    SELECT p.id, p.county, p.title, p.status, p.amount_requested, p.submitted_at,
                      p.no_match::text AS no_match, last.step AS last_step,
                      last.occurred_at AS last_step_at,
                      (SELECT n.details->>'colour' FROM project_timeline n
                        WHERE n.project_id = p.id AND n.step = 'SUPERVISION_NOTICE'
                        ORDER BY n.occurred_at DESC, n.seq DESC LIMIT 1) AS colour,
                      (SELECT count(*) FROM project_match m
                        WHERE m.project_id = p.id AND m.proposed_at IS NOT NULL
                          AND m.released_at IS NULL AND %s IS NULL) AS unanswered
                    FROM project p
                    CROSS JOIN LATERAL (SELECT t.step, t.occurred_at FROM project_timeline t
                      WHERE t.project_id = p.id ORDER BY t.occurred_at DESC, t.seq DESC LIMIT 1)
                      AS last
                    WHERE %s
                    ORDER BY last.occurred_at, p.id
                    LIMIT :limit
                    """
                        .formatted(FIRST_ANSWER, where.sql()))
                .bind("limit", limit))
        .map(
            row -> {
              String noMatch = row.get("no_match", String.class);
              return new StuckRow(
                  row.get("id", UUID.class),
                  row.get("county", String.class),
                  row.get("title", String.class),
                  row.get("status", String.class),
                  row.get("amount_requested", BigDecimal.class),
                  row.get("submitted_at", OffsetDateTime.class).toInstant(),
                  row.get("last_step", String.class),
                  row.get("last_step_at", OffsetDateTime.class).toInstant(),
                  row.get("colour", String.class),
                  row.get("unanswered", Long.class),
                  noMatch == null ? null : json.readTree(noMatch));
            })
        .all();
  }

  /**
   * The quarter's approvals that drew on policy instruments, of the demands the tenant sees, each
   * instrument named as its latest approval that told its kind named it.
   */
  private static final String INSTRUMENTS_USED =
      """
      WITH used AS (
        SELECT u.*, p.county FROM project_instrument_use u JOIN project p ON p.id = u.project_id
        WHERE %s),
      named AS (
        SELECT DISTINCT ON (instrument_id) instrument_id, kind, name, issuer_region
        FROM used ORDER BY instrument_id, kind IS NULL, approved_at DESC)
      """;

  /** Instrument use by county, bank and instrument: the rows every breakdown of it adds up. */
  Flux<UseRow> instrumentUses(Scope scope) {
    Where where = instrumentsUsed(scope);
    return where
        .bind(
            database.sql(
                INSTRUMENTS_USED.formatted(where.sql())
                    + """
                    SELECT u.county, u.bank_code, u.instrument_id, n.kind, n.name, n.issuer_region,
                      count(*) AS approvals, sum(u.loan_amount) AS approved_amount,
                      sum(u.drawn) AS drawn_amount
                    FROM used u JOIN named n USING (instrument_id)
                    GROUP BY u.county, u.bank_code, u.instrument_id, n.kind, n.name,
                      n.issuer_region
                    ORDER BY u.county, u.bank_code, u.instrument_id
                    """))
        .map(
            row ->
                new UseRow(
                    row.get("county", String.class),
                    row.get("bank_code", String.class),
                    row.get("instrument_id", UUID.class),
                    row.get("kind", String.class),
                    row.get("name", String.class),
                    row.get("issuer_region", String.class),
                    row.get("approvals", Long.class),
                    row.get("approved_amount", BigDecimal.class),
                    row.get("drawn_amount", BigDecimal.class)))
        .all();
  }

  /** Instrument use by kind, each approval counted once per kind it drew on. */
  Flux<KindRow> instrumentKinds(Scope scope) {
    Where where = instrumentsUsed(scope);
    return where
        .bind(
            database.sql(
                INSTRUMENTS_USED.formatted(where.sql())
                    + """
                    SELECT kind, count(*) AS approvals, sum(loan_amount) AS approved_amount,
                      sum(drawn) AS drawn_amount
                    FROM (SELECT n.kind, u.match_id, max(u.loan_amount) AS loan_amount,
                            sum(u.drawn) AS drawn
                          FROM used u JOIN named n USING (instrument_id)
                          GROUP BY n.kind, u.match_id) AS approval
                    GROUP BY kind
                    ORDER BY array_position(
                      ARRAY['INTEREST_SUBSIDY', 'GUARANTEE', 'RISK_COMPENSATION'], kind), kind
                    """))
        .map(
            row ->
                new KindRow(
                    row.get("kind", String.class),
                    row.get("approvals", Long.class),
                    row.get("approved_amount", BigDecimal.class),
                    row.get("drawn_amount", BigDecimal.class)))
        .all();
  }

  private static Where instrumentsUsed(Scope scope) {
    Where where = visible(scope).and("u.approved_at >= :from", "from", scope.from());
    return where.and("u.approved_at < :to", "to", scope.to());
  }

  private static Where visible(Scope scope) {
    Where where = Visibility.of(scope.tenant());
    return scope.county() == null
        ? where
        : where.and("p.county = :county", "county", scope.county());
  }

  private static Double hours(Number value) {
    return value == null ? null : value.doubleValue();
  }
}
