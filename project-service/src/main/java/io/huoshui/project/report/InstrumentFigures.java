package io.huoshui.project.report;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The figures of the pack's section on policy instruments (政策工具): the approvals of the quarter that
 * drew on one, within what the tenant may see, as {@link ReportStore} reads them.
 */
final class InstrumentFigures {

  private InstrumentFigures() {}

  /**
   * The approvals of one county's demands by one bank that drew on one instrument. Kind, name and
   * issuer are the instrument's as its latest approval in the scope told them, the same on every
   * row of the instrument; null when no approval told them.
   */
  record UseRow(
      String county,
      String bankCode,
      UUID instrumentId,
      String kind,
      String name,
      String issuerRegion,
      long approvals,
      BigDecimal approvedAmount,
      BigDecimal drawnAmount) {}

  /**
   * The approvals that drew on instruments of one kind: each approval once, however many of the
   * kind it used, with the whole amount it approved and all it drew on them.
   */
  record KindRow(String kind, long approvals, BigDecimal approvedAmount, BigDecimal drawnAmount) {}
}
