package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.BankAnswer;
import io.huoshui.matching.domain.BankStanding;
import io.huoshui.matching.domain.BoardFilter;
import io.huoshui.matching.domain.ClosureReason;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.PledgeCover;
import io.huoshui.matching.domain.PolicySupport;
import io.huoshui.matching.domain.Reason;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.StageDays;
import io.huoshui.matching.domain.SyndicateShare;
import io.huoshui.matching.domain.Tier;
import io.huoshui.vocabulary.SyndicateRole;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code match} table. */
@Repository
public class MatchStore {

  static final String COLUMNS =
      """
      m.match_id, m.project_id, m.county, m.bank_code, m.product_id, m.product_name, m.tier,
      m.rank, m.score, m.reasons::text AS reasons, m.status, m.deadline, m.colour, m.proposed_at,
      m.first_answer_at, m.last_answer, m.released_at, m.release_cause, m.approved, m.disbursed,
      m.decline_reason, m.stage, m.case_opened_at, m.closed_at, m.closure_reason, m.manual,
      m.retryable, m.escalated_to, m.escalate_on, m.decision_working_days,
      m.disbursement_working_days, m.support::text AS support, m.pledge::text AS pledge,
      m.syndicate_role, m.syndicate_share, m.syndicate_lead
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  MatchStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  static final String INSERT_COLUMNS =
      """
      match_id, project_id, county, bank_code, product_id, product_name, tier, rank, score,
      reasons, status, deadline, proposed_at, stage, manual, decision_working_days,
      disbursement_working_days, support, pledge, syndicate_role, syndicate_share, syndicate_lead
      """;

  private static final String ROW =
      "(:id%1$d, :project%1$d, :county%1$d, :bank%1$d, :product%1$d, :productName%1$d, :tier%1$d,"
          + " :rank%1$d, :score%1$d, CAST(:reasons%1$d AS jsonb), :status%1$d, :deadline%1$d,"
          + " :proposedAt%1$d, :stage%1$d, :manual%1$d, :decisionDays%1$d,"
          + " :disbursementDays%1$d, CAST(:support%1$d AS jsonb), CAST(:pledge%1$d AS jsonb),"
          + " :syndicateRole%1$d, :syndicateShare%1$d, :syndicateLead%1$d)";

  /** Writes the new matches of one decision in one statement. */
  public Mono<Void> insert(List<Match> rows) {
    if (rows.isEmpty()) {
      return Mono.empty();
    }
    return bindRows(
            database.sql("INSERT INTO match (" + INSERT_COLUMNS + ") VALUES " + values(rows)),
            rows,
            json)
        .then();
  }

  /** The rows' VALUES list, each row's parameters numbered by its position. */
  static String values(List<Match> rows) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      values.append(i == 0 ? "" : ", ").append(ROW.formatted(i));
    }
    return values.toString();
  }

  static DatabaseClient.GenericExecuteSpec bindRows(
      DatabaseClient.GenericExecuteSpec sql, List<Match> rows, JsonMapper json) {
    for (int i = 0; i < rows.size(); i++) {
      Match match = rows.get(i);
      sql =
          sql.bind("id" + i, match.matchId())
              .bind("project" + i, match.projectId())
              .bind("county" + i, match.county())
              .bind("bank" + i, match.bankCode())
              .bind("product" + i, match.productId())
              .bind("productName" + i, match.productName())
              .bind("tier" + i, match.tier().name())
              .bind("rank" + i, match.rank())
              .bind("score" + i, match.score())
              .bind("reasons" + i, json.writeValueAsString(match.reasons()))
              .bind("status" + i, match.status().name())
              .bind("deadline" + i, match.deadline())
              .bind("proposedAt" + i, match.proposedAt())
              .bind("stage" + i, match.stage().name())
              .bind("manual" + i, match.manual())
              .bind("decisionDays" + i, match.stageDays().decision())
              .bind("disbursementDays" + i, match.stageDays().disbursement());
      sql =
          match.support() == null
              ? sql.bindNull("support" + i, String.class)
              : sql.bind("support" + i, json.writeValueAsString(match.support()));
      sql =
          match.pledge() == null
              ? sql.bindNull("pledge" + i, String.class)
              : sql.bind("pledge" + i, json.writeValueAsString(match.pledge()));
      SyndicateShare syndicate = match.syndicate();
      sql =
          syndicate == null
              ? sql.bindNull("syndicateRole" + i, String.class)
                  .bindNull("syndicateShare" + i, BigDecimal.class)
                  .bindNull("syndicateLead" + i, String.class)
              : sql.bind("syndicateRole" + i, syndicate.role().name())
                  .bind("syndicateShare" + i, syndicate.share())
                  .bind("syndicateLead" + i, syndicate.leadBankCode());
    }
    return sql;
  }

  /** Every match of a demand, released ones included, in the order they were ranked. */
  public Flux<Match> ofProject(UUID projectId) {
    return database
        .sql("SELECT " + COLUMNS + " FROM match m WHERE m.project_id = :id ORDER BY m.rank")
        .bind("id", projectId)
        .map((row, meta) -> read(row))
        .all();
  }

  public Mono<Match> find(UUID matchId) {
    return database
        .sql("SELECT " + COLUMNS + " FROM match m WHERE m.match_id = :id")
        .bind("id", matchId)
        .map((row, meta) -> read(row))
        .one();
  }

  /**
   * The demand's match, its demand's row locked as {@link DemandStore#lock} locks it, in one
   * statement: a bank's answer needs the match, and the demand only when it declines.
   */
  public Mono<Match> findLockingDemand(UUID projectId, UUID matchId) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + """
                FROM match m JOIN demand d ON d.project_id = m.project_id
                WHERE m.match_id = :match AND m.project_id = :project
                FOR UPDATE OF d
                """)
        .bind("match", matchId)
        .bind("project", projectId)
        .map((row, meta) -> read(row))
        .one();
  }

  public Mono<Void> release(UUID matchId, Match.ReleaseCause cause, Instant at) {
    return database
        .sql(
            """
            UPDATE match SET status = 'RELEASED', release_cause = :cause, released_at = :at,
              stage = NULL
            WHERE match_id = :id
            """)
        .bind("cause", cause.name())
        .bind("at", at)
        .bind("id", matchId)
        .then();
  }

  /**
   * Records a bank's answer, the match's sums after it and the clock that runs next; the first
   * answer also keeps how many working days the bank took, which its standing reads.
   *
   * @param clocked the match with the stage, deadline and colour that follow the answer
   */
  public Mono<Void> answer(BankAnswer answer, int workingDays, Match clocked) {
    var sql =
        database
            .sql(
                """
                UPDATE match SET status = 'ANSWERED', last_answer = :answer,
                  first_answer_at = coalesce(first_answer_at, :at),
                  first_answer_working_days = coalesce(first_answer_working_days, :days),
                  approved = :approved, disbursed = :disbursed, decline_reason = :declineReason,
                  stage = :stage, deadline = :deadline, colour = :colour,
                  escalated_to = :escalatedTo, escalate_on = :escalateOn
                WHERE match_id = :id
                """)
            .bind("answer", answer.answer().name())
            .bind("at", answer.respondedAt())
            .bind("days", workingDays)
            .bind("approved", answer.approved())
            .bind("disbursed", answer.disbursed())
            .bind("deadline", clocked.deadline())
            .bind("id", answer.matchId());
    sql = bindOptional(sql, "declineReason", answer.declineReason());
    sql = bindOptional(sql, "stage", clocked.stage() == null ? null : clocked.stage().name());
    sql =
        bindOptional(
            sql,
            "escalatedTo",
            clocked.escalatedTo() == null ? null : clocked.escalatedTo().name());
    sql =
        clocked.escalateOn() == null
            ? sql.bindNull("escalateOn", LocalDate.class)
            : sql.bind("escalateOn", clocked.escalateOn());
    return bindOptional(sql, "colour", clocked.colour() == null ? null : clocked.colour().name())
        .then();
  }

  /**
   * Each bank's track record and load, counted from its matches: first answers and the working days
   * they took, approvals (a disbursement follows one), declines, and the matches it holds.
   */
  public Mono<Map<String, BankStanding>> standings() {
    return database
        .sql(
            """
            SELECT bank_code,
                   count(first_answer_at) AS first_answers,
                   coalesce(sum(first_answer_working_days), 0) AS days,
                   count(*) FILTER (WHERE last_answer IN ('APPROVAL', 'DISBURSEMENT')) AS approvals,
                   count(*) FILTER (WHERE release_cause = 'DECLINED') AS declines,
                   count(*) FILTER (WHERE status <> 'RELEASED') AS live
            FROM match GROUP BY bank_code
            """)
        .map(
            (row, meta) ->
                Map.entry(
                    row.get("bank_code", String.class),
                    new BankStanding(
                        row.get("first_answers", Long.class),
                        row.get("days", Long.class),
                        row.get("approvals", Long.class),
                        row.get("declines", Long.class),
                        row.get("live", Long.class))))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /** Turns the match to the colour; YELLOW or RED opens its supervision case, once. */
  public Mono<Void> colour(UUID matchId, Colour colour, Instant at) {
    return database
        .sql(
            """
            UPDATE match SET colour = :colour,
              case_opened_at = CASE WHEN :colour IN ('YELLOW', 'RED')
                THEN coalesce(case_opened_at, :at) ELSE case_opened_at END
            WHERE match_id = :id
            """)
        .bind("colour", colour.name())
        .bind("at", at)
        .bind("id", matchId)
        .then();
  }

  /**
   * Records the level of the office a RED match has reached and when the next one is due (null:
   * none is left).
   */
  public Mono<Void> escalated(UUID matchId, Tier reached, LocalDate nextOn) {
    var sql =
        database
            .sql("UPDATE match SET escalated_to = :level, escalate_on = :next WHERE match_id = :id")
            .bind("level", reached.name())
            .bind("id", matchId);
    return (nextOn == null ? sql.bindNull("next", LocalDate.class) : sql.bind("next", nextOn))
        .then();
  }

  /** Closes the match's supervision case (销号): its clock stops, the match stays the bank's. */
  public Mono<Void> close(UUID matchId, ClosureReason reason, Instant at) {
    return database
        .sql(
            """
            UPDATE match SET closed_at = :at, closure_reason = :reason, stage = NULL,
              escalate_on = NULL
            WHERE match_id = :id
            """)
        .bind("at", at)
        .bind("reason", reason.name())
        .bind("id", matchId)
        .then();
  }

  /** A re-opened demand may be tried again by the banks that let it go RED. */
  public Mono<Void> retryRed(UUID projectId) {
    return database
        .sql("UPDATE match SET retryable = true WHERE project_id = :id AND release_cause = 'RED'")
        .bind("id", projectId)
        .then();
  }

  /**
   * Matches past the deadline of their running stage and not yet RED, or RED and due at the next
   * level's office, of demands in these partitions.
   */
  public Flux<Match> overdue(Collection<Integer> partitions, LocalDate today) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + """
                FROM match m JOIN demand d ON d.project_id = m.project_id
                WHERE m.stage IS NOT NULL AND m.deadline <= :today
                  AND (m.colour IS DISTINCT FROM 'RED' OR m.escalate_on <= :today)
                  AND d.partition_no = ANY(:partitions)
                ORDER BY m.proposed_at
                """)
        .bind("today", today)
        .bind("partitions", partitions.toArray(Integer[]::new))
        .map((row, meta) -> read(row))
        .all();
  }

  /** How many matches whose clock runs carry each colour. */
  public Mono<Map<Colour, Long>> openByColour() {
    return database
        .sql(
            """
            SELECT colour, count(*) AS open FROM match
            WHERE stage IS NOT NULL AND colour IS NOT NULL GROUP BY colour
            """)
        .map(
            (row, meta) ->
                Map.entry(
                    Colour.valueOf(row.get("colour", String.class)), row.get("open", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(Colour.class));
  }

  /**
   * The supervision board: the matches whose clock runs (or, asked for, the closed cases), in
   * counties under a region, oldest first, with the optional filters (null: any).
   */
  public Mono<List<Match>> board(BoardFilter filter, long offset, int limit) {
    return bindFilter(
            database.sql(
                "SELECT "
                    + COLUMNS
                    + BOARD_WHERE
                    + " ORDER BY m.proposed_at, m.match_id LIMIT :limit OFFSET :offset"),
            filter)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((row, meta) -> read(row))
        .all()
        .collectList();
  }

  public Mono<Long> boardSize(BoardFilter filter) {
    return bindFilter(database.sql("SELECT count(*) AS total" + BOARD_WHERE), filter)
        .map((row, meta) -> row.get("total", Long.class))
        .one();
  }

  private static final String BOARD_WHERE =
      """
       FROM match m
      WHERE CASE WHEN :closed THEN m.closed_at IS NOT NULL ELSE m.stage IS NOT NULL END
        AND starts_with(m.county, :region)
        AND (CAST(:colour AS text) IS NULL OR m.colour = :colour)
        AND (CAST(:county AS text) IS NULL OR m.county = :county)
        AND (CAST(:bank AS text) IS NULL OR m.bank_code = :bank)
      """;

  private static DatabaseClient.GenericExecuteSpec bindFilter(
      DatabaseClient.GenericExecuteSpec sql, BoardFilter filter) {
    sql = sql.bind("region", filter.region()).bind("closed", filter.closed());
    sql = bindOptional(sql, "colour", filter.colour() == null ? null : filter.colour().name());
    sql = bindOptional(sql, "county", filter.county());
    return bindOptional(sql, "bank", filter.bank());
  }

  private static DatabaseClient.GenericExecuteSpec bindOptional(
      DatabaseClient.GenericExecuteSpec sql, String name, String value) {
    return value == null ? sql.bindNull(name, String.class) : sql.bind(name, value);
  }

  private Match read(Readable row) {
    return new Match(
        row.get("match_id", UUID.class),
        row.get("project_id", UUID.class),
        row.get("county", String.class),
        row.get("bank_code", String.class),
        row.get("product_id", UUID.class),
        row.get("product_name", String.class),
        Tier.valueOf(row.get("tier", String.class)),
        row.get("rank", Integer.class),
        row.get("score", BigDecimal.class),
        List.of(json.readValue(row.get("reasons", String.class), Reason[].class)),
        Match.Status.valueOf(row.get("status", String.class)),
        row.get("deadline", LocalDate.class),
        named(Colour.class, row.get("colour", String.class)),
        row.get("proposed_at", Instant.class),
        row.get("first_answer_at", Instant.class),
        named(Match.Answer.class, row.get("last_answer", String.class)),
        row.get("released_at", Instant.class),
        named(Match.ReleaseCause.class, row.get("release_cause", String.class)),
        row.get("approved", BigDecimal.class),
        row.get("disbursed", BigDecimal.class),
        row.get("decline_reason", String.class),
        named(Stage.class, row.get("stage", String.class)),
        row.get("case_opened_at", Instant.class),
        row.get("closed_at", Instant.class),
        named(ClosureReason.class, row.get("closure_reason", String.class)),
        Boolean.TRUE.equals(row.get("manual", Boolean.class)),
        Boolean.TRUE.equals(row.get("retryable", Boolean.class)),
        named(Tier.class, row.get("escalated_to", String.class)),
        row.get("escalate_on", LocalDate.class),
        stageDays(row),
        support(row),
        pledge(row),
        syndicate(row));
  }

  private PledgeCover pledge(Readable row) {
    String pledge = row.get("pledge", String.class);
    return pledge == null ? null : json.readValue(pledge, PledgeCover.class);
  }

  private static SyndicateShare syndicate(Readable row) {
    SyndicateRole role = named(SyndicateRole.class, row.get("syndicate_role", String.class));
    return role == null
        ? null
        : new SyndicateShare(
            role,
            row.get("syndicate_share", BigDecimal.class),
            row.get("syndicate_lead", String.class));
  }

  private PolicySupport support(Readable row) {
    String support = row.get("support", String.class);
    return support == null ? null : json.readValue(support, PolicySupport.class);
  }

  private static StageDays stageDays(Readable row) {
    Integer decision = row.get("decision_working_days", Integer.class);
    Integer disbursement = row.get("disbursement_working_days", Integer.class);
    return decision == null || disbursement == null ? null : new StageDays(decision, disbursement);
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
