package io.huoshui.credit.inbox;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The registrations of the green pledges behind matches, and whether a match lends on one. */
@Repository
class PledgeRegistrationStore {

  private final DatabaseClient database;

  PledgeRegistrationStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Whether the match's demand, as the latest version held details it, pledges a green right of a
   * kind the match's product takes as collateral: the bank lends on that pledge.
   */
  Mono<Boolean> lendsOnGreenPledge(UUID matchId) {
    return database
        .sql(
            """
            SELECT EXISTS (
              SELECT 1 FROM bank_match m
              JOIN demand d ON d.project_id = m.project_id
              JOIN product p ON p.id = m.product_id
              CROSS JOIN LATERAL jsonb_array_elements(
                  COALESCE(d.full_demand -> 'greenPledges', '[]'::jsonb)) AS pledge
              WHERE m.match_id = :matchId AND pledge ->> 'kind' = ANY (p.collateral)
            ) AS pledged
            """)
        .bind("matchId", matchId)
        .map(row -> Boolean.TRUE.equals(row.get("pledged", Boolean.class)))
        .one();
  }

  /** The registration recorded for the match; NONE while nothing is. */
  Mono<PledgeRegistration> find(UUID matchId) {
    return database
        .sql(
            "SELECT registration_number, filing_number FROM pledge_registration"
                + " WHERE match_id = :matchId")
        .bind("matchId", matchId)
        .map(
            row ->
                new PledgeRegistration(
                    row.get("registration_number", String.class),
                    row.get("filing_number", String.class)))
        .one()
        .defaultIfEmpty(PledgeRegistration.NONE);
  }

  /** Records what an answer gives, keeping a number it does not give. */
  Mono<Void> record(UUID matchId, PledgeRegistration given, Instant at) {
    return database
        .sql(
            """
            INSERT INTO pledge_registration
                (match_id, registration_number, filing_number, recorded_at)
            VALUES (:matchId, :registration, :filing, :at)
            ON CONFLICT (match_id) DO UPDATE SET
                registration_number = COALESCE(EXCLUDED.registration_number,
                    pledge_registration.registration_number),
                filing_number = COALESCE(EXCLUDED.filing_number,
                    pledge_registration.filing_number),
                recorded_at = EXCLUDED.recorded_at
            """)
        .bind("matchId", matchId)
        .bind("registration", Parameter.fromOrEmpty(given.registrationNumber(), String.class))
        .bind("filing", Parameter.fromOrEmpty(given.filingNumber(), String.class))
        .bind("at", at)
        .then();
  }
}
