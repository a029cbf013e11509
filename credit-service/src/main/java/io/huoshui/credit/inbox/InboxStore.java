package io.huoshui.credit.inbox;

import io.huoshui.credit.values.Decimals;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.DeclineReason;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matches pushed to banks, the demand behind them and the banks' answers. Every read and write
 * on behalf of a bank names the bank in its WHERE clause: this is the one place where a bank is
 * kept to its own matches (another bank's match is simply not found).
 */
@Repository
class InboxStore {

  private static final String VIEW =
      """
      SELECT m.*, d.full_demand::text AS full_demand, d.withdrawn_at,
             COALESCE(d.amount_requested, m.amount_requested) AS requested,
             m.reasons::text AS reasons_json, m.demand::text AS demand_json
      FROM bank_match m LEFT JOIN demand d ON d.project_id = m.project_id
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  InboxStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Whether the match is new here: one already held (delivered again) is left as it is. */
  Mono<Boolean> propose(PushedMatch match, BigDecimal requested) {
    return database
        .sql(
            """
            INSERT INTO bank_match (match_id, project_id, county, bank_code, product_id,
                product_name, tier, rank, score, reasons, deadline, proposed_at, demand,
                amount_requested, status)
            VALUES (:matchId, :projectId, :county, :bank, :productId, :productName, :tier, :rank,
                :score, CAST(:reasons AS jsonb), :deadline, :proposedAt, CAST(:demand AS jsonb),
                :requested, 'PROPOSED')
            ON CONFLICT (match_id) DO NOTHING
            """)
        .bind("matchId", match.matchId())
        .bind("projectId", match.projectId())
        .bind("county", match.county())
        .bind("bank", match.bankCode())
        .bind("productId", match.productId())
        .bind("productName", match.productName())
        .bind("tier", match.tier())
        .bind("rank", match.rank())
        .bind("score", match.score())
        .bind("reasons", json.writeValueAsString(orEmpty(match.reasons())))
        .bind("deadline", match.deadline())
        .bind("proposedAt", match.proposedAt())
        .bind("demand", json.writeValueAsString(match.demand()))
        .bind("requested", requested)
        .fetch()
        .rowsUpdated()
        .map(inserted -> inserted > 0);
  }

  /** The escalated match, or nothing when this service does not hold it. */
  Mono<EscalatedMatch> escalate(Escalation escalation) {
    return database
        .sql(
            """
            UPDATE bank_match SET colour = :colour, escalated_at = :at, deadline = :deadline
            WHERE match_id = :matchId
            RETURNING project_id, county, bank_code, product_id
            """)
        .bind("colour", escalation.colour())
        .bind("at", escalation.escalatedAt())
        .bind("deadline", escalation.deadline())
        .bind("matchId", escalation.matchId())
        .map(
            row ->
                new EscalatedMatch(
                    escalation.matchId(),
                    row.get("project_id", UUID.class),
                    row.get("county", String.class),
                    row.get("bank_code", String.class),
                    row.get("product_id", UUID.class),
                    escalation.colour(),
                    escalation.stage(),
                    escalation.deadline(),
                    escalation.escalatedAt(),
                    escalation.escalateTo()))
        .one();
  }

  /**
   * The released match, or nothing when this service does not hold it or has released it already (a
   * release delivered again changes nothing). A match the bank declined stays DECLINED.
   */
  Mono<ReleasedMatch> release(Release release) {
    return database
        .sql(
            """
            UPDATE bank_match
            SET status = CASE WHEN status = 'DECLINED' THEN status ELSE 'RELEASED' END,
                released_cause = :cause, released_at = :at
            WHERE match_id = :matchId AND released_at IS NULL
            RETURNING project_id, county, bank_code, product_id
            """)
        .bind("cause", release.cause())
        .bind("at", release.releasedAt())
        .bind("matchId", release.matchId())
        .map(
            row ->
                new ReleasedMatch(
                    release.matchId(),
                    row.get("project_id", UUID.class),
                    row.get("county", String.class),
                    row.get("bank_code", String.class),
                    row.get("product_id", UUID.class),
                    release.cause(),
                    release.releasedAt()))
        .one();
  }

  /** Keeps the newest version of a demand; an older one arriving late changes nothing. */
  Mono<Void> saveDemand(DemandVersion demand) {
    return database
        .sql(
            """
            INSERT INTO demand (project_id, county, version, amount_requested, full_demand)
            VALUES (:projectId, :county, :version, :requested, CAST(:full AS jsonb))
            ON CONFLICT (project_id) DO UPDATE SET county = EXCLUDED.county,
                version = EXCLUDED.version, amount_requested = EXCLUDED.amount_requested,
                full_demand = EXCLUDED.full_demand
            WHERE demand.version < EXCLUDED.version
            """)
        .bind("projectId", demand.projectId())
        .bind("county", demand.county())
        .bind("version", demand.version())
        .bind("requested", demand.amountRequested())
        .bind("full", json.writeValueAsString(demand.full()))
        .then();
  }

  Mono<Void> withdraw(Withdrawal withdrawal) {
    return database
        .sql(
            """
            UPDATE demand SET withdrawn_at = :at, withdrawal_reason = :reason, version = :version
            WHERE project_id = :projectId AND version < :version
            """)
        .bind("at", withdrawal.withdrawnAt())
        .bind("reason", withdrawal.reason())
        .bind("version", withdrawal.version())
        .bind("projectId", withdrawal.projectId())
        .then();
  }

  /** An absent list as an empty one. */
  private JsonNode orEmpty(JsonNode value) {
    return value == null || value.isNull() ? json.createArrayNode() : value;
  }

  /** The counties demand has come from: the digest goes to each of them. */
  Flux<String> demandCounties() {
    return database
        .sql("SELECT DISTINCT county FROM demand ORDER BY county")
        .map(row -> row.get("county", String.class))
        .all();
  }

  /** The bank's own match, locked until the transaction ends, so its answers queue up. */
  Mono<MatchState> lockOwned(UUID matchId, String bankCode) {
    return database
        .sql(
            """
            SELECT m.*, d.withdrawn_at, COALESCE(d.amount_requested, m.amount_requested) AS requested
            FROM bank_match m LEFT JOIN demand d ON d.project_id = m.project_id
            WHERE m.match_id = :matchId AND m.bank_code = :bank
            FOR UPDATE OF m
            """)
        .bind("matchId", matchId)
        .bind("bank", bankCode)
        .map(InboxStore::state)
        .one();
  }

  /**
   * Adds an approval to what all banks have approved for its demand, when the sum stays within the
   * amount requested; the first approval of a demand stands alone, so that a bank may approve more
   * than was asked, with its reason, as long as no other bank approves beside it.
   *
   * @return the demand's approvals after this one, or nothing when it would exceed the request
   */
  Mono<BigDecimal> addApproval(UUID projectId, BigDecimal amount, BigDecimal requested) {
    return database
        .sql(
            """
            INSERT INTO demand_approval (project_id, approved) VALUES (:projectId, :amount)
            ON CONFLICT (project_id) DO UPDATE
                SET approved = demand_approval.approved + EXCLUDED.approved
                WHERE demand_approval.approved + EXCLUDED.approved <= :requested
            RETURNING approved
            """)
        .bind("projectId", projectId)
        .bind("amount", amount)
        .bind("requested", requested)
        .map(row -> row.get("approved", BigDecimal.class))
        .one();
  }

  /** What all banks have approved for the demand so far; zero before the first approval. */
  Mono<BigDecimal> approvedForDemand(UUID projectId) {
    return database
        .sql("SELECT approved FROM demand_approval WHERE project_id = :projectId")
        .bind("projectId", projectId)
        .map(row -> row.get("approved", BigDecimal.class))
        .one()
        .defaultIfEmpty(BigDecimal.ZERO);
  }

  Mono<InboxMatch> findOwned(UUID matchId, String bankCode) {
    return database
        .sql(VIEW + " WHERE m.match_id = :matchId AND m.bank_code = :bank")
        .bind("matchId", matchId)
        .bind("bank", bankCode)
        .map(this::view)
        .one();
  }

  Mono<List<InboxMatch>> inbox(
      String bankCode, MatchStatus status, LocalDate deadlineBefore, PageRequest page) {
    Filter filter = filter(bankCode, status, deadlineBefore);
    return database
        .sql(
            VIEW
                + filter.where()
                + " ORDER BY m.deadline, m.proposed_at DESC, m.match_id LIMIT :limit OFFSET :offset")
        .bindValues(filter.binds())
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(this::view)
        .all()
        .collectList();
  }

  Mono<Long> count(String bankCode, MatchStatus status, LocalDate deadlineBefore) {
    Filter filter = filter(bankCode, status, deadlineBefore);
    return database
        .sql("SELECT count(*) FROM bank_match m" + filter.where())
        .bindValues(filter.binds())
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Flux<BankResponse> responses(UUID matchId) {
    return database
        .sql("SELECT * FROM bank_response WHERE match_id = :matchId ORDER BY responded_at, id")
        .bind("matchId", matchId)
        .map(InboxStore::response)
        .all();
  }

  Mono<BankResponse> response(UUID matchId, UUID responseId, String bankCode) {
    return database
        .sql(
            "SELECT * FROM bank_response WHERE id = :id AND match_id = :matchId AND bank_code = :bank")
        .bind("id", responseId)
        .bind("matchId", matchId)
        .bind("bank", bankCode)
        .map(InboxStore::response)
        .one();
  }

  /**
   * Keeps an accepted answer and moves its match to the state after it, in one statement; answers
   * the match's new totals.
   */
  Mono<Totals> record(MatchState match, BankResponse response) {
    Answer answer = response.answer();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", response.responseId());
    values.put("matchId", match.matchId());
    values.put("bank", match.bankCode());
    values.put("answer", answer.name());
    values.put("amount", Parameter.fromOrEmpty(response.amount(), BigDecimal.class));
    values.put("rate", Parameter.fromOrEmpty(response.annualRate(), BigDecimal.class));
    values.put("term", Parameter.fromOrEmpty(response.termMonths(), Integer.class));
    values.put(
        "reason",
        Parameter.fromOrEmpty(
            response.reasonCode() == null ? null : response.reasonCode().name(), String.class));
    values.put("note", Parameter.fromOrEmpty(response.note(), String.class));
    values.put("over", Parameter.fromOrEmpty(response.overRequestReason(), String.class));
    values.put("disbursedOn", Parameter.fromOrEmpty(response.disbursedOn(), LocalDate.class));
    values.put("at", response.respondedAt());
    values.put("client", response.actor().clientId());
    values.put("request", Parameter.fromOrEmpty(response.actor().requestId(), String.class));
    values.put("status", answer.statusAfter().name());
    values.put("counted", response.amount() == null ? BigDecimal.ZERO : response.amount());
    return database
        .sql(
            """
            WITH kept AS (
                INSERT INTO bank_response (id, match_id, bank_code, answer, amount, annual_rate,
                    term_months, decline_reason, note, over_request_reason, disbursed_on,
                    responded_at, actor_client_id, actor_request_id)
                VALUES (:id, :matchId, :bank, :answer, :amount, :rate, :term, :reason, :note,
                    :over, :disbursedOn, :at, :client, :request))
            UPDATE bank_match SET status = :status,
                interested_at = CASE WHEN :answer = 'INTEREST' THEN :at ELSE interested_at END,
                declined_at = CASE WHEN :answer = 'DECLINE' THEN :at ELSE declined_at END,
                approved_at = CASE WHEN :answer = 'APPROVAL' THEN :at ELSE approved_at END,
                first_answered_at = COALESCE(first_answered_at, :at),
                intended = intended + CASE WHEN :answer = 'INTEREST' THEN :counted ELSE 0 END,
                approved = approved + CASE WHEN :answer = 'APPROVAL' THEN :counted ELSE 0 END,
                disbursed = disbursed
                    + CASE WHEN :answer = 'DISBURSEMENT' THEN :counted ELSE 0 END
            WHERE match_id = :matchId
            RETURNING intended, approved, disbursed
            """)
        .bindValues(values)
        .map(
            row ->
                new Totals(
                    row.get("intended", BigDecimal.class),
                    row.get("approved", BigDecimal.class),
                    row.get("disbursed", BigDecimal.class)))
        .one();
  }

  private static Filter filter(String bankCode, MatchStatus status, LocalDate deadlineBefore) {
    StringBuilder where = new StringBuilder(" WHERE m.bank_code = :bank");
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("bank", bankCode);
    if (status != null) {
      where.append(" AND m.status = :status");
      binds.put("status", status.name());
    }
    if (deadlineBefore != null) {
      where.append(" AND m.deadline < :before");
      binds.put("before", deadlineBefore);
    }
    return new Filter(where.toString(), binds);
  }

  private static MatchState state(Readable row) {
    return new MatchState(
        row.get("match_id", UUID.class),
        row.get("project_id", UUID.class),
        row.get("county", String.class),
        row.get("bank_code", String.class),
        row.get("product_id", UUID.class),
        row.get("proposed_at", Instant.class),
        row.get("released_at", Instant.class) == null
            ? null
            : row.get("released_cause", String.class),
        row.get("withdrawn_at", Instant.class) != null,
        row.get("interested_at", Instant.class) != null,
        row.get("declined_at", Instant.class) != null,
        row.get("approved_at", Instant.class) != null,
        row.get("first_answered_at", Instant.class) == null,
        row.get("requested", BigDecimal.class),
        new Totals(
            row.get("intended", BigDecimal.class),
            row.get("approved", BigDecimal.class),
            row.get("disbursed", BigDecimal.class)));
  }

  /**
   * What the bank may see of the match: the anonymised demand of the push until it declared
   * interest, the full demand (enterprise, contact) after.
   */
  private InboxMatch view(Readable row) {
    boolean disclosed =
        row.get("interested_at", Instant.class) != null
            && row.get("full_demand", String.class) != null;
    String demand =
        disclosed ? row.get("full_demand", String.class) : row.get("demand_json", String.class);
    return new InboxMatch(
        row.get("match_id", UUID.class),
        row.get("project_id", UUID.class),
        row.get("county", String.class),
        row.get("product_id", UUID.class),
        row.get("product_name", String.class),
        row.get("tier", String.class),
        row.get("rank", Integer.class),
        row.get("score", BigDecimal.class),
        json.readTree(row.get("reasons_json", String.class)),
        row.get("deadline", LocalDate.class),
        row.get("proposed_at", Instant.class),
        MatchStatus.valueOf(row.get("status", String.class)),
        row.get("colour", String.class),
        row.get("escalated_at", Instant.class),
        row.get("released_cause", String.class),
        row.get("withdrawn_at", Instant.class) != null,
        disclosed,
        json.readTree(demand),
        new Totals(
            row.get("intended", BigDecimal.class),
            row.get("approved", BigDecimal.class),
            row.get("disbursed", BigDecimal.class)));
  }

  private static BankResponse response(Readable row) {
    String reason = row.get("decline_reason", String.class);
    String client = row.get("actor_client_id", String.class);
    return new BankResponse(
        row.get("id", UUID.class),
        row.get("match_id", UUID.class),
        Answer.valueOf(row.get("answer", String.class)),
        row.get("amount", BigDecimal.class),
        Decimals.rate(row.get("annual_rate", BigDecimal.class)),
        row.get("term_months", Integer.class),
        reason == null ? null : DeclineReason.valueOf(reason),
        row.get("note", String.class),
        row.get("over_request_reason", String.class),
        row.get("disbursed_on", LocalDate.class),
        row.get("responded_at", Instant.class),
        client == null ? null : new Actor(client, row.get("actor_request_id", String.class)));
  }

  private record Filter(String where, Map<String, Object> binds) {}
}
