package io.huoshui.notification.intake;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What this service remembers of other services' events: the demands' titles, the matches and who
 * holds them, the banks' names. Only what the texts and the choice of recipients need.
 */
@Component
class KnowledgeStore {

  private static final String MATCH_COLUMNS =
      "match_id, project_id, county, bank_code, product_id, product_name, amount_requested,"
          + " deadline, decision_working_days, disbursement_working_days";

  private final DatabaseClient database;

  KnowledgeStore(DatabaseClient database) {
    this.database = database;
  }

  /** Keeps the demand's title; a version not above the one held is ignored (events.md). */
  Mono<Void> rememberProject(UUID projectId, String county, String title, int version) {
    return database
        .sql(
            """
            INSERT INTO known_project (project_id, county, title, version)
            VALUES (:id, :county, :title, :version)
            ON CONFLICT (project_id) DO UPDATE
              SET county = excluded.county, title = excluded.title, version = excluded.version
              WHERE known_project.version < excluded.version
            """)
        .bind("id", projectId)
        .bind("county", county)
        .bind("title", title)
        .bind("version", version)
        .then();
  }

  /** The demand's title, or its id while its submission has not been seen. */
  Mono<String> projectTitle(UUID projectId) {
    return database
        .sql("SELECT title FROM known_project WHERE project_id = :id")
        .bind("id", projectId)
        .map(row -> row.get(0, String.class))
        .one()
        .defaultIfEmpty(projectId.toString());
  }

  /**
   * What the texts of an event name, as known now: the demand's title, the bank's name and the
   * product's name as its match gave it, each by its id or code when it was not seen; and whether
   * an office had closed the match's supervision case.
   */
  record Names(String projectTitle, String bankName, String productName, boolean closed) {}

  /** Keeps the match, once; answers the names its texts need, in the same statement. */
  Mono<Names> rememberMatch(KnownMatch match) {
    return names(
        """
        INSERT INTO known_match (match_id, project_id, county, bank_code, product_id,
                                 product_name, amount_requested, deadline,
                                 decision_working_days, disbursement_working_days)
        VALUES (:match, :project, :county, :bank, :product, :name, :amount, :deadline,
                :decisionDays, :disbursementDays)
        ON CONFLICT (match_id) DO NOTHING
        """,
        Map.of(
            "county", match.county(),
            "product", match.productId(),
            "name", match.productName(),
            "amount", Parameter.fromOrEmpty(match.amountRequested(), BigDecimal.class),
            "deadline", Parameter.fromOrEmpty(match.deadline(), LocalDate.class),
            "decisionDays", Parameter.fromOrEmpty(match.decisionWorkingDays(), Integer.class),
            "disbursementDays",
                Parameter.fromOrEmpty(match.disbursementWorkingDays(), Integer.class)),
        match.matchId(),
        match.projectId(),
        match.bankCode(),
        match.productId());
  }

  /**
   * Keeps the colour of a match whose case is open; answers the names its texts need, in the same
   * statement.
   */
  Mono<Names> escalated(
      UUID matchId, String colour, UUID projectId, String bankCode, UUID productId) {
    return names(
        "UPDATE known_match SET colour = :colour WHERE match_id = :match AND closed_at IS NULL",
        Map.of("colour", colour),
        matchId,
        projectId,
        bankCode,
        productId);
  }

  /**
   * The working days the match announced for the stage; empty when the match is not known yet or
   * announced none.
   */
  Mono<Integer> announcedWorkingDays(UUID matchId, Stage stage) {
    return database
        .sql("SELECT " + MATCH_COLUMNS + " FROM known_match WHERE match_id = :id")
        .bind("id", matchId)
        .map(KnowledgeStore::readMatch)
        .one()
        .mapNotNull(match -> match.workingDays(stage));
  }

  /**
   * A first answer stops the first-answer reminder, whether or not the match was seen yet, and
   * starts the clock of the stage it leads to (none: the clock stops). A clock only moves forward,
   * as matching's does: a second INTEREST leaves the DECISION clock running, and a stopped clock
   * stays stopped. Answers the names the answer's text needs, in the same statement.
   */
  Mono<Names> answered(
      UUID matchId,
      Instant at,
      Stage stage,
      LocalDate deadline,
      UUID projectId,
      String bankCode,
      UUID productId) {
    return names(
        """
        INSERT INTO answered_match (match_id, answered_at, stage, deadline)
        VALUES (:match, :at, :stage, :deadline)
        ON CONFLICT (match_id) DO UPDATE
          SET stage = excluded.stage, deadline = excluded.deadline, reminded_at = NULL
          WHERE answered_match.stage IS NOT NULL
            AND (excluded.stage IS NULL
                 OR array_position(ARRAY['DECISION', 'DISBURSEMENT'], excluded.stage)
                    > array_position(ARRAY['DECISION', 'DISBURSEMENT'], answered_match.stage))
        """,
        Map.of(
            "at", at,
            "stage", Parameter.fromOrEmpty(stage == null ? null : stage.name(), String.class),
            "deadline", Parameter.fromOrEmpty(deadline, LocalDate.class)),
        matchId,
        projectId,
        bankCode,
        productId);
  }

  /**
   * A write and the names read with it: one round trip. The reads see the tables as they were
   * before the write, which changes nothing they read.
   */
  private Mono<Names> names(
      String write,
      Map<String, Object> values,
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId) {
    return database
        .sql(
            """
            WITH written AS (%s)
            SELECT (SELECT title FROM known_project WHERE project_id = :project) AS title,
                   (SELECT bank_name FROM known_bank WHERE bank_code = :bank) AS bank_name,
                   (SELECT product_name FROM known_match WHERE match_id = :match) AS product_name,
                   EXISTS (SELECT 1 FROM known_match
                           WHERE match_id = :match AND closed_at IS NOT NULL) AS closed
            """
                .formatted(write))
        .bindValues(values)
        .bind("match", matchId)
        .bind("project", projectId)
        .bind("bank", bankCode)
        .map(
            row ->
                new Names(
                    orElse(row.get("title", String.class), projectId),
                    orElse(row.get("bank_name", String.class), bankCode),
                    orElse(row.get("product_name", String.class), productId),
                    Boolean.TRUE.equals(row.get("closed", Boolean.class))))
        .one();
  }

  private static String orElse(String known, Object id) {
    return known != null ? known : String.valueOf(id);
  }

  /**
   * An office acted on the match's supervision case; a closure (销号) ends its reminders and
   * escalation notices, once. Answers the names the action's texts need, in the same statement.
   */
  Mono<Names> acted(
      UUID matchId, boolean closing, Instant at, UUID projectId, String bankCode, UUID productId) {
    return names(
        """
        UPDATE known_match SET closed_at = :at
        WHERE match_id = :match AND closed_at IS NULL AND :closing
        """,
        Map.of("at", at, "closing", closing),
        matchId,
        projectId,
        bankCode,
        productId);
  }

  Mono<Void> released(UUID matchId, String cause) {
    return update(
        "UPDATE known_match SET released_cause = :value WHERE match_id = :id", matchId, cause);
  }

  /**
   * The matches of banks that held the demand when it was withdrawn: not released, or released
   * because of this very withdrawal (the release and the withdrawal travel on different topics, so
   * either may be read first).
   */
  Flux<KnownMatch> holders(UUID projectId) {
    return database
        .sql(
            "SELECT "
                + MATCH_COLUMNS
                + " FROM known_match WHERE project_id = :id"
                + " AND (released_cause IS NULL OR released_cause = 'WITHDRAWN')"
                + " ORDER BY bank_code, match_id")
        .bind("id", projectId)
        .map(KnowledgeStore::readMatch)
        .all();
  }

  /**
   * Held matches with an open case whose current stage's deadline falls in [today, horizon] and was
   * not reminded: unanswered ones (the first answer), then those whose later stage's clock runs.
   */
  Flux<Due> dueBy(LocalDate today, LocalDate horizon) {
    Flux<Due> firstAnswers =
        database
            .sql(
                "SELECT "
                    + MATCH_COLUMNS
                    + " FROM known_match m WHERE released_cause IS NULL AND reminded_at IS NULL"
                    + " AND closed_at IS NULL AND deadline BETWEEN :today AND :horizon"
                    + " AND NOT EXISTS (SELECT 1 FROM answered_match a"
                    + " WHERE a.match_id = m.match_id)"
                    + " ORDER BY deadline, match_id")
            .bind("today", today)
            .bind("horizon", horizon)
            .map(row -> new Due(readMatch(row), Stage.FIRST_ANSWER))
            .all();
    Flux<Due> laterStages =
        database
            .sql(
                """
                SELECT m.match_id, m.project_id, m.county, m.bank_code, m.product_id,
                       m.product_name, m.amount_requested, a.deadline, a.stage,
                       m.decision_working_days, m.disbursement_working_days
                FROM answered_match a JOIN known_match m ON m.match_id = a.match_id
                WHERE a.stage IS NOT NULL AND a.reminded_at IS NULL
                  AND a.deadline BETWEEN :today AND :horizon
                  AND m.released_cause IS NULL AND m.closed_at IS NULL
                ORDER BY a.deadline, a.match_id
                """)
            .bind("today", today)
            .bind("horizon", horizon)
            .map(row -> new Due(readMatch(row), Stage.valueOf(row.get("stage", String.class))))
            .all();
    return firstAnswers.concatWith(laterStages);
  }

  /** A match whose stage's deadline is near, with the stage. */
  record Due(KnownMatch match, Stage stage) {}

  /** Claims the reminder of the match's stage; false when another sweep already sent it. */
  Mono<Boolean> markReminded(UUID matchId, Stage stage, Instant at) {
    return (stage == Stage.FIRST_ANSWER
            ? database.sql(
                """
                UPDATE known_match SET reminded_at = :at
                WHERE match_id = :id AND reminded_at IS NULL
                """)
            : database
                .sql(
                    """
                    UPDATE answered_match SET reminded_at = :at
                    WHERE match_id = :id AND stage = :stage AND reminded_at IS NULL
                    """)
                .bind("stage", stage.name()))
        .bind("at", at)
        .bind("id", matchId)
        .fetch()
        .rowsUpdated()
        .map(updated -> updated > 0);
  }

  /** The names known of these banks, by code; a bank not seen yet is absent. */
  Mono<Map<String, String>> bankNames(Collection<String> codes) {
    return database
        .sql("SELECT bank_code, bank_name FROM known_bank WHERE bank_code = ANY(:codes)")
        .bind("codes", codes.toArray(String[]::new))
        .map(
            row ->
                Map.entry(row.get("bank_code", String.class), row.get("bank_name", String.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** The banks' names by their codes, in one statement. */
  Mono<Void> rememberBanks(SortedMap<String, String> names) {
    return database
        .sql(
            """
            INSERT INTO known_bank (bank_code, bank_name)
            SELECT * FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]))
            ON CONFLICT (bank_code) DO UPDATE SET bank_name = excluded.bank_name
            """)
        .bind("codes", names.keySet().toArray(String[]::new))
        .bind("names", names.values().toArray(String[]::new))
        .then();
  }

  private Mono<Void> update(String sql, UUID matchId, Object value) {
    return database.sql(sql).bind("value", value).bind("id", matchId).then();
  }

  private static KnownMatch readMatch(Readable row) {
    return new KnownMatch(
        row.get("match_id", UUID.class),
        row.get("project_id", UUID.class),
        row.get("county", String.class),
        row.get("bank_code", String.class),
        row.get("product_id", UUID.class),
        row.get("product_name", String.class),
        row.get("amount_requested", BigDecimal.class),
        row.get("deadline", LocalDate.class),
        row.get("decision_working_days", Integer.class),
        row.get("disbursement_working_days", Integer.class));
  }
}
