package io.huoshui.project.persistence;

import io.huoshui.project.domain.InstrumentDraw;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The policy instruments each approval drew on, which the quarterly pack counts. A match is
 * approved once, so a use is its match and instrument: an approval delivered again, under its own
 * event id or another, writes nothing.
 */
@Repository
public class InstrumentUseStore {

  private final DatabaseClient database;

  InstrumentUseStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Writes the approval's uses, one statement for all of them.
   *
   * @param loanAmount the amount approved
   */
  public Mono<Void> approved(
      UUID projectId,
      UUID matchId,
      String bankCode,
      BigDecimal loanAmount,
      Instant approvedAt,
      List<InstrumentDraw> draws) {
    if (draws.isEmpty()) {
      return Mono.empty();
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      rows.add(
          "(:match, :instrument%d, :project, :bank, :kind%d, :name%d, :issuer%d, :loan, :drawn%d,"
                  .formatted(i, i, i, i, i)
              + " :at)");
    }
    GenericExecuteSpec spec =
        database
            .sql(
                """
                INSERT INTO project_instrument_use (match_id, instrument_id, project_id, bank_code,
                    kind, name, issuer_region, loan_amount, drawn, approved_at)
                VALUES %s
                ON CONFLICT (match_id, instrument_id) DO NOTHING
                """
                    .formatted(String.join(", ", rows)))
            .bind("match", matchId)
            .bind("project", projectId)
            .bind("bank", bankCode)
            .bind("loan", loanAmount)
            .bind("at", approvedAt);
    for (int i = 0; i < draws.size(); i++) {
      InstrumentDraw draw = draws.get(i);
      spec =
          spec.bind("instrument" + i, draw.instrumentId())
              .bind("kind" + i, Parameter.fromOrEmpty(draw.kind(), String.class))
              .bind("name" + i, Parameter.fromOrEmpty(draw.name(), String.class))
              .bind("issuer" + i, Parameter.fromOrEmpty(draw.issuerRegion(), String.class))
              .bind("drawn" + i, draw.drawn());
    }
    return spec.then();
  }
}
