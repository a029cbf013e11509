package io.huoshui.project.matchmaking;

import io.huoshui.project.domain.Demand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.UUID;

/** What a bank signs on stage for a demand on the agenda: the amount it intends to lend. */
public record IntentionRequest(
    @NotNull UUID projectId,
    @NotNull @Positive @DecimalMax(Demand.MAX_AMOUNT) @Digits(integer = 12, fraction = 2)
        BigDecimal amount) {

  public IntentionRequest {
    // Held and answered with two places; more places are kept so that validation refuses them.
    amount = amount == null || amount.scale() > 2 ? amount : amount.setScale(2);
  }
}
