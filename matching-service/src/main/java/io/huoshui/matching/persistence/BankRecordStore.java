package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.BankStanding;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code bank_record} table, and each bank's standing as the score reads it. */
@Repository
public class BankRecordStore {

  private final DatabaseClient database;

  BankRecordStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> firstAnswer(String bankCode, int workingDays) {
    return add(bankCode, 1, workingDays, 0, 0);
  }

  public Mono<Void> approval(String bankCode) {
    return add(bankCode, 0, 0, 1, 0);
  }

  public Mono<Void> decline(String bankCode) {
    return add(bankCode, 0, 0, 0, 1);
  }

  /** Every bank's record joined with how many live matches it holds now. */
  public Mono<Map<String, BankStanding>> standings() {
    return database
        .sql(
            """
            SELECT coalesce(r.bank_code, l.bank_code) AS bank_code,
                   coalesce(r.first_answers, 0) AS first_answers,
                   coalesce(r.first_answer_working_days, 0) AS days,
                   coalesce(r.approvals, 0) AS approvals,
                   coalesce(r.declines, 0) AS declines,
                   coalesce(l.live, 0) AS live
            FROM bank_record r
            FULL JOIN (SELECT bank_code, count(*) AS live FROM match
                       WHERE status <> 'RELEASED' GROUP BY bank_code) l
              ON l.bank_code = r.bank_code
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

  private Mono<Void> add(
      String bankCode, long firstAnswers, long workingDays, long approvals, long declines) {
    return database
        .sql(
            """
            INSERT INTO bank_record
              (bank_code, first_answers, first_answer_working_days, approvals, declines)
            VALUES (:bank, :firstAnswers, :days, :approvals, :declines)
            ON CONFLICT (bank_code) DO UPDATE SET
              first_answers = bank_record.first_answers + excluded.first_answers,
              first_answer_working_days =
                bank_record.first_answer_working_days + excluded.first_answer_working_days,
              approvals = bank_record.approvals + excluded.approvals,
              declines = bank_record.declines + excluded.declines
            """)
        .bind("bank", bankCode)
        .bind("firstAnswers", firstAnswers)
        .bind("days", workingDays)
        .bind("approvals", approvals)
        .bind("declines", declines)
        .then();
  }
}
