package io.huoshui.project.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.report.InstrumentFigures.KindRow;
import io.huoshui.project.report.InstrumentFigures.UseRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The pack's section on the public money the quarter's approvals drew on (政策工具: 贴息, 政府性融资担保,
 * 风险补偿资金池): per instrument, the approvals that used it, the loan amount approved with it and what
 * they drew on its budget; the totals of each kind; and the same per instrument within each county
 * (the demand's) and each bank. Every breakdown adds up the same uses.
 */
record InstrumentUse(
    List<KindTotal> byKind, List<Used> byInstrument, List<Used> byCounty, List<Used> byBank) {

  /** The kinds in the order the pack lists them; a kind credit adds later comes after, by name. */
  private static final List<String> KINDS =
      List.of("INTEREST_SUBSIDY", "GUARANTEE", "RISK_COMPENSATION");

  /**
   * One instrument's use, overall or within a county or a bank.
   *
   * @param kind null, as name and issuer, when no approval told them
   */
  record Used(
      @JsonInclude(JsonInclude.Include.NON_NULL) String county,
      @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
      @JsonInclude(JsonInclude.Include.NON_NULL) String bankCode,
      UUID instrumentId,
      String kind,
      String name,
      String issuerRegion,
      @JsonInclude(JsonInclude.Include.NON_NULL) String issuerName,
      long approvals,
      BigDecimal approvedAmount,
      BigDecimal drawnAmount) {}

  /** The approvals that drew on instruments of one kind, each counted once. */
  record KindTotal(
      String kind, long approvals, BigDecimal approvedAmount, BigDecimal drawnAmount) {}

  static InstrumentUse of(List<UseRow> rows, List<KindRow> kinds, PlaceNames places) {
    List<UseRow> ordered = rows.stream().sorted(BY_INSTRUMENT).toList();
    return new InstrumentUse(
        kinds.stream()
            .map(
                row ->
                    new KindTotal(
                        row.kind(), row.approvals(), row.approvedAmount(), row.drawnAmount()))
            .toList(),
        summed(ordered, row -> row.instrumentId().toString(), row -> null, row -> null, places),
        summed(
            rows.stream()
                .sorted(Comparator.comparing(UseRow::county).thenComparing(BY_INSTRUMENT))
                .toList(),
            row -> row.county() + " " + row.instrumentId(),
            UseRow::county,
            row -> null,
            places),
        summed(
            rows.stream()
                .sorted(Comparator.comparing(UseRow::bankCode).thenComparing(BY_INSTRUMENT))
                .toList(),
            row -> row.bankCode() + " " + row.instrumentId(),
            row -> null,
            UseRow::bankCode,
            places));
  }

  /** The places the section names: the counties and the issuers. */
  static List<String> places(List<UseRow> rows) {
    List<String> places = new ArrayList<>();
    for (UseRow row : rows) {
      places.add(row.county());
      if (row.issuerRegion() != null) {
        places.add(row.issuerRegion());
      }
    }
    return places;
  }

  private static final Comparator<UseRow> BY_INSTRUMENT =
      Comparator.comparingInt((UseRow row) -> rank(row.kind()))
          .thenComparing(UseRow::kind, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(UseRow::issuerRegion, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(UseRow::name, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(UseRow::instrumentId);

  private static int rank(String kind) {
    int known = KINDS.indexOf(kind);
    return known >= 0 ? known : KINDS.size();
  }

  /** The rows added up per key, in the order of their first row. */
  private static List<Used> summed(
      List<UseRow> rows,
      Function<UseRow, String> key,
      Function<UseRow, String> county,
      Function<UseRow, String> bank,
      PlaceNames places) {
    Map<String, Used> sums = new LinkedHashMap<>();
    for (UseRow row : rows) {
      sums.merge(
          key.apply(row),
          new Used(
              county.apply(row),
              places.nameOf(county.apply(row)),
              bank.apply(row),
              row.instrumentId(),
              row.kind(),
              row.name(),
              row.issuerRegion(),
              places.nameOf(row.issuerRegion()),
              row.approvals(),
              row.approvedAmount(),
              row.drawnAmount()),
          (sum, more) ->
              new Used(
                  sum.county(),
                  sum.countyName(),
                  sum.bankCode(),
                  sum.instrumentId(),
                  sum.kind(),
                  sum.name(),
                  sum.issuerRegion(),
                  sum.issuerName(),
                  sum.approvals() + more.approvals(),
                  sum.approvedAmount().add(more.approvedAmount()),
                  sum.drawnAmount().add(more.drawnAmount())));
    }
    return List.copyOf(sums.values());
  }
}
