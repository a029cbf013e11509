package io.huoshui.bankkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One verified event of the bank's topic. Each carries the members a bank acts on, read tolerantly
 * (members added later are ignored), and the whole payload in {@link #data()} for the rest.
 */
public sealed interface MatchEvent
    permits MatchEvent.Proposed, MatchEvent.Escalated, MatchEvent.Released {

  /** The CloudEvents attributes of the event. */
  Envelope envelope();

  /** The payload as published. */
  JsonNode data();

  String matchId();

  String projectId();

  /** The CloudEvents attributes; {@code id} is the same on a redelivered record. */
  record Envelope(String id, String source, String type, String subject, Instant time) {}

  /** The anonymised demand of a proposal. */
  record Demand(
      String industry,
      String enterpriseSize,
      String county,
      BigDecimal amountRequested,
      int termMonths,
      String purpose,
      List<String> collateral,
      List<String> tags) {}

  /**
   * A policy instrument offered with a proposal, which the bank may name in its approval.
   *
   * @param kind INTEREST_SUBSIDY, GUARANTEE or RISK_COMPENSATION
   * @param issuerRegion the division code of the government that funds it
   * @param draw what the loan, approved in full, would take of the instrument's budget
   */
  record Instrument(
      String instrumentId, String kind, String name, String issuerRegion, BigDecimal draw) {}

  /** A demand matched to one of the bank's products. */
  record Proposed(
      Envelope envelope,
      JsonNode data,
      String matchId,
      String projectId,
      String productId,
      String productName,
      int rank,
      BigDecimal score,
      LocalDate deadline,
      Demand demand)
      implements MatchEvent {

    /**
     * The policy instruments the demand is eligible for with this product ({@code
     * support.instruments}), the subsidy first; empty for a proposal offering none or announced
     * before instruments were offered. Read from {@link #data()}, which the verifier checked.
     */
    public List<Instrument> instruments() {
      List<Instrument> offered = new ArrayList<>();
      data.path("support")
          .path("instruments")
          .forEach(
              instrument ->
                  offered.add(
                      new Instrument(
                          instrument.path("instrumentId").asString(),
                          instrument.path("kind").asString(),
                          instrument.path("name").asString(),
                          instrument.path("issuerRegion").asString(),
                          new BigDecimal(instrument.path("draw").asString()))));
      return List.copyOf(offered);
    }
  }

  /** A match left unanswered turned BLUE, YELLOW or RED at its stage. */
  record Escalated(
      Envelope envelope,
      JsonNode data,
      String matchId,
      String projectId,
      String colour,
      String stage,
      LocalDate deadline)
      implements MatchEvent {}

  /** The match is no longer the bank's, and why. */
  record Released(Envelope envelope, JsonNode data, String matchId, String projectId, String cause)
      implements MatchEvent {}

  /** Reads a verified envelope; the verifier has already checked every member used here. */
  static MatchEvent of(JsonNode event) {
    Envelope envelope =
        new Envelope(
            event.path("id").asString(),
            event.path("source").asString(),
            event.path("type").asString(),
            event.path("subject").asString(),
            Instant.parse(event.path("time").asString()));
    JsonNode data = event.path("data");
    String matchId = data.path("matchId").asString();
    String projectId = data.path("projectId").asString();
    return switch (EventKind.of(envelope.type())) {
      case PROPOSED ->
          new Proposed(
              envelope,
              data,
              matchId,
              projectId,
              data.path("productId").asString(),
              data.path("productName").asString(),
              data.path("rank").asInt(),
              new BigDecimal(data.path("score").asString()),
              LocalDate.parse(data.path("deadline").asString()),
              demand(data.path("demand")));
      case ESCALATED ->
          new Escalated(
              envelope,
              data,
              matchId,
              projectId,
              data.path("colour").asString(),
              data.path("stage").asString("FIRST_ANSWER"),
              LocalDate.parse(data.path("deadline").asString()));
      case RELEASED ->
          new Released(envelope, data, matchId, projectId, data.path("cause").asString());
    };
  }

  private static Demand demand(JsonNode demand) {
    return new Demand(
        demand.path("industry").asString(),
        demand.path("enterpriseSize").asString(),
        demand.path("county").asString(),
        new BigDecimal(demand.path("amountRequested").asString()),
        demand.path("termMonths").asInt(),
        demand.path("purpose").asString(),
        strings(demand.path("collateral")),
        strings(demand.path("tags")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return List.copyOf(values);
  }
}
