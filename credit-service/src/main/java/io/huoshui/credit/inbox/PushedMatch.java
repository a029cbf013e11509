package io.huoshui.credit.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A match the matching service pushed to a bank, as the bank's inbox keeps it (the payload itself
 * goes on to the bank's own topic whole). Its reasons and anonymised demand are kept as the
 * producer sent them, for the bank to read; {@code manual} only when a financial office pushed it
 * by hand.
 */
record PushedMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String productName,
    String tier,
    Integer rank,
    BigDecimal score,
    JsonNode reasons,
    LocalDate deadline,
    Instant proposedAt,
    JsonNode demand,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean manual) {}
