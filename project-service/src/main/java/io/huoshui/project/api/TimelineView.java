package io.huoshui.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One step of a demand's timeline, with a sentence a county officer can read as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineView(
    Step step,
    Instant at,
    String summary,
    String bankCode,
    UUID productId,
    String productName,
    BigDecimal amount,
    Map<String, Object> details,
    ActorView actor) {

  /**
   * Who took the step: the client and request when a request did (the county here, a bank through
   * credit-service, a financial office through matching-service), and the service that took or
   * reported it; a step recorded before either was kept has none.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActorView(String clientId, String requestId, String service) {

    static ActorView of(TimelineEntry entry) {
      if (entry.actor() == null && entry.service() == null) {
        return null;
      }
      return entry.actor() == null
          ? new ActorView(null, null, entry.service())
          : new ActorView(entry.actor().clientId(), entry.actor().requestId(), entry.service());
    }
  }

  /** The codes of the places a demand's steps mention: its county and the acting offices. */
  static List<String> placesOf(String county, List<TimelineEntry> steps) {
    List<String> codes = new ArrayList<>(List.of(county));
    steps.stream()
        .map(entry -> entry.details().get("operatorRegion"))
        .filter(Objects::nonNull)
        .forEach(region -> codes.add(region.toString()));
    return codes;
  }

  /** The demand's steps as the reader reads them. */
  static List<TimelineView> of(
      List<TimelineEntry> steps, String county, Language language, PlaceNames places) {
    Map<String, String> products = new HashMap<>();
    for (TimelineEntry entry : steps) {
      if (entry.step() == Step.PUSHED && entry.productName() != null) {
        products.put(String.valueOf(entry.details().get("matchId")), entry.productName());
      }
    }
    StepSummary summary = new StepSummary(language, places, county, products);
    return steps.stream()
        .map(
            entry ->
                new TimelineView(
                    entry.step(),
                    entry.at(),
                    summary.of(entry),
                    entry.bankCode(),
                    entry.productId(),
                    entry.productName(),
                    entry.amount(),
                    entry.details(),
                    ActorView.of(entry)))
        .toList();
  }
}
