package io.huoshui.vocabulary;

import java.net.URI;

/**
 * The network's event types, named once: {@code io.huoshui.<producer>.<Event>.v<major>}. A producer
 * publishes each type's JSON Schema at {@link #schemaOf}; a consumer skips types it does not know,
 * so a producer may add new ones.
 */
public final class EventTypes {

  public static final String PROJECT_SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  public static final String PROJECT_UPDATED = "io.huoshui.project.ProjectUpdated.v1";
  public static final String PROJECT_WITHDRAWN = "io.huoshui.project.ProjectWithdrawn.v1";
  public static final String PROJECT_CLOSED = "io.huoshui.project.ProjectClosed.v1";

  public static final String MATCH_PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  public static final String NO_MATCH = "io.huoshui.matching.NoMatch.v1";
  public static final String MATCH_ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  public static final String MATCH_RELEASED = "io.huoshui.matching.MatchReleased.v1";
  public static final String DEMAND_EXHAUSTED = "io.huoshui.matching.DemandExhausted.v1";
  public static final String SUPERVISION_ACTED = "io.huoshui.matching.SupervisionActed.v1";

  public static final String BANK_RESPONDED = "io.huoshui.credit.BankResponded.v1";
  public static final String PRODUCT_PUBLISHED = "io.huoshui.credit.ProductPublished.v1";
  public static final String PRODUCT_UPDATED = "io.huoshui.credit.ProductUpdated.v1";
  public static final String PRODUCT_RETIRED = "io.huoshui.credit.ProductRetired.v1";
  public static final String CATALOG_DIGEST = "io.huoshui.credit.CatalogDigest.v1";
  public static final String INSTRUMENT_PUBLISHED = "io.huoshui.credit.InstrumentPublished.v1";
  public static final String INSTRUMENT_UPDATED = "io.huoshui.credit.InstrumentUpdated.v1";
  public static final String INSTRUMENT_RETIRED = "io.huoshui.credit.InstrumentRetired.v1";

  public static final String CALENDAR_YEAR_PUBLISHED =
      "io.huoshui.identity.CalendarYearPublished.v1";

  private static final String PREFIX = "io.huoshui.";
  private static final String SCHEMA_BASE = "https://huoshui.io/schemas/";

  private EventTypes() {}

  /** The JSON Schema a type's payload conforms to, as its producer publishes it. */
  public static URI schemaOf(String type) {
    if (!type.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a Huoshui event type: " + type);
    }
    String[] parts = type.substring(PREFIX.length()).split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a Huoshui event type: " + type);
    }
    return URI.create(SCHEMA_BASE + parts[0] + "-service/" + parts[1] + "." + parts[2] + ".json");
  }
}
