package io.huoshui.credit.instrument;

import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Filters of an instrument read; each null filter is left out.
 *
 * @param region a division code: instruments serving it, a region around it or a region inside it
 * @param county a county the instrument must serve: what a county's own read is kept to
 * @param issuer a division code: instruments issued there or inside it
 * @param industry an industry the instrument serves (one open to every industry included); so the
 *     enterprise size and the purpose
 * @param tag a tag the instrument requires
 * @param amount a loan amount within the instrument's ceiling
 * @param validOn a day within the instrument's validity
 */
public record InstrumentQuery(
    String region,
    String county,
    String issuer,
    InstrumentKind kind,
    Industry industry,
    EnterpriseSize enterpriseSize,
    Purpose purpose,
    Tag tag,
    BigDecimal amount,
    LocalDate validOn,
    InstrumentStatus status) {

  /** Every instrument issued in the region or inside it, whatever its status. */
  public static InstrumentQuery issuedIn(String issuer) {
    return new InstrumentQuery(null, null, issuer, null, null, null, null, null, null, null, null);
  }
}
