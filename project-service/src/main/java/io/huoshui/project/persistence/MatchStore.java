package io.huoshui.project.persistence;

import io.huoshui.project.domain.MatchTotals;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * The banks a demand was pushed to and the running totals of their answers. Match events and bank
 * answers come over different topics, in no guaranteed order between them, so every write is an
 * upsert that fills in what it knows and keeps what it does not. Each is written in the statement
 * that locks its demand ({@link ProjectStore#lock(java.util.UUID, ProjectStore.With,
 * java.util.function.BiFunction)}).
 */
@Repository
public class MatchStore {

  /** The match as pushed, written with the locked demand. */
  public ProjectStore.With<Void> proposed(
      UUID matchId, String bankCode, UUID productId, String productName, Instant proposedAt) {
    return new ProjectStore.With<>(
        """
        proposed AS (
            INSERT INTO project_match (match_id, project_id, bank_code, product_id, product_name,
                proposed_at)
            SELECT :match, id, :bank, :product, :name, :at FROM locked
            ON CONFLICT (match_id) DO UPDATE
                SET product_name = EXCLUDED.product_name, proposed_at = EXCLUDED.proposed_at)
        """,
        "",
        Map.of(
            "match", matchId,
            "bank", bankCode,
            "product", productId,
            "name", productName,
            "at", proposedAt),
        row -> null);
  }

  /** The match as released, written with the locked demand. */
  public ProjectStore.With<Void> released(
      UUID matchId, String bankCode, UUID productId, String cause, Instant at) {
    return new ProjectStore.With<>(
        """
        released AS (
            INSERT INTO project_match (match_id, project_id, bank_code, product_id, released_at,
                release_cause)
            SELECT :match, id, :bank, :product, :at, :cause FROM locked
            ON CONFLICT (match_id) DO UPDATE
                SET released_at = EXCLUDED.released_at, release_cause = EXCLUDED.release_cause)
        """,
        "",
        Map.of("match", matchId, "bank", bankCode, "product", productId, "at", at, "cause", cause),
        row -> null);
  }

  /**
   * Holds the totals a bank reported with its answer at that time, unless a later answer's totals
   * are held already (an older answer delivered late changes nothing), with the locked demand; the
   * row then carries the demand's totals over all its matches, read by {@link #totals}. The
   * statement reads the table as it was before its own write: the match's row is taken from the
   * write, or as it was if nothing was written. A match row that another transaction commits
   * meanwhile carries no amounts: only answers do, and a demand's answers are applied one after the
   * other.
   */
  public ProjectStore.With<MatchTotals> answered(
      UUID matchId, String bankCode, UUID productId, MatchTotals totals, Instant respondedAt) {
    return new ProjectStore.With<>(
        """
        held AS (
            INSERT INTO project_match (match_id, project_id, bank_code, product_id,
                amount_intended, amount_approved, amount_disbursed, totals_as_of)
            SELECT :match, id, :bank, :product, :intended, :approved, :disbursed, :at
            FROM locked
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
            WHERE project_id = :id
              AND (match_id <> :match OR NOT EXISTS (SELECT 1 FROM held))),
        totals AS (
            SELECT coalesce(sum(amount_intended), 0) AS sum_intended,
                   coalesce(sum(amount_approved), 0) AS sum_approved,
                   coalesce(sum(amount_disbursed), 0) AS sum_disbursed
            FROM every)
        """,
        "CROSS JOIN totals",
        Map.of(
            "match", matchId,
            "bank", bankCode,
            "product", productId,
            "intended", totals.intended(),
            "approved", totals.approved(),
            "disbursed", totals.disbursed(),
            "at", respondedAt),
        MatchStore::totals);
  }

  /** The demand's totals over all its matches, from the row of {@link #answered}. */
  private static MatchTotals totals(Readable row) {
    return new MatchTotals(
        cents(row.get("sum_intended", BigDecimal.class)),
        cents(row.get("sum_approved", BigDecimal.class)),
        cents(row.get("sum_disbursed", BigDecimal.class)));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2);
  }
}
