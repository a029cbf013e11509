package io.huoshui.project.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The banks a demand was pushed to and the running totals of their answers. Match events and bank
 * answers come over different topics, in no guaranteed order between them, so every write is an
 * upsert that fills in what it knows and keeps what it does not.
 */
@Repository
public class MatchStore {

  private final DatabaseClient database;

  MatchStore(DatabaseClient database) {
    this.database = database;
  }

  /** The bank, product and the amounts a bank's answers add up to, for one match. */
  public record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

  public Mono<Void> proposed(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String productName,
      Instant proposedAt) {
    return database
        .sql(
            """
            INSERT INTO project_match (match_id, project_id, bank_code, product_id, product_name,
                proposed_at)
            VALUES (:match, :project, :bank, :product, :name, :at)
            ON CONFLICT (match_id) DO UPDATE
                SET product_name = EXCLUDED.product_name, proposed_at = EXCLUDED.proposed_at
            """)
        .bind("match", matchId)
        .bind("project", projectId)
        .bind("bank", bankCode)
        .bind("product", productId)
        .bind("name", productName)
        .bind("at", proposedAt)
        .then();
  }

  public Mono<Void> released(
      UUID matchId, UUID projectId, String bankCode, UUID productId, String cause, Instant at) {
    return database
        .sql(
            """
            INSERT INTO project_match (match_id, project_id, bank_code, product_id, released_at,
                release_cause)
            VALUES (:match, :project, :bank, :product, :at, :cause)
            ON CONFLICT (match_id) DO UPDATE
                SET released_at = EXCLUDED.released_at, release_cause = EXCLUDED.release_cause
            """)
        .bind("match", matchId)
        .bind("project", projectId)
        .bind("bank", bankCode)
        .bind("product", productId)
        .bind("at", at)
        .bind("cause", cause)
        .then();
  }

  /**
   * Holds the totals a bank reported with its answer at that time, unless a later answer's totals
   * are held already (an older answer delivered late changes nothing), and answers the demand's
   * totals over all its matches, in one statement. The statement's query sees the table as it was
   * before its own write: the match's row is taken from the write, or as it was if nothing was
   * written.
   */
  public Mono<Totals> answered(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      Totals totals,
      Instant respondedAt) {
    return database
        .sql(
            """
            WITH held AS (
                INSERT INTO project_match (match_id, project_id, bank_code, product_id,
                    amount_intended, amount_approved, amount_disbursed, totals_as_of)
                VALUES (:match, :project, :bank, :product, :intended, :approved, :disbursed, :at)
                ON CONFLICT (match_id) DO UPDATE
                    SET amount_intended = EXCLUDED.amount_intended,
                        amount_approved = EXCLUDED.amount_approved,
                        amount_disbursed = EXCLUDED.amount_disbursed,
                        totals_as_of = EXCLUDED.totals_as_of
                    WHERE project_match.totals_as_of IS NULL
                       OR project_match.totals_as_of <= EXCLUDED.totals_as_of
                RETURNING amount_intended, amount_approved, amount_disbursed),
            every AS (
                SELECT amount_intended, amount_approved, amount_disbursed FROM held
                UNION ALL
                SELECT amount_intended, amount_approved, amount_disbursed FROM project_match
                WHERE project_id = :project
                  AND (match_id <> :match OR NOT EXISTS (SELECT 1 FROM held)))
            SELECT coalesce(sum(amount_intended), 0) AS intended,
                   coalesce(sum(amount_approved), 0) AS approved,
                   coalesce(sum(amount_disbursed), 0) AS disbursed
            FROM every
            """)
        .bind("match", matchId)
        .bind("project", projectId)
        .bind("bank", bankCode)
        .bind("product", productId)
        .bind("intended", totals.intended())
        .bind("approved", totals.approved())
        .bind("disbursed", totals.disbursed())
        .bind("at", respondedAt)
        .map(
            row ->
                new Totals(
                    cents(row.get("intended", BigDecimal.class)),
                    cents(row.get("approved", BigDecimal.class)),
                    cents(row.get("disbursed", BigDecimal.class))))
        .one();
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2);
  }
}
