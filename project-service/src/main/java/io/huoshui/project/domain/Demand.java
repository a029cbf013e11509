package io.huoshui.project.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.service.web.Prose;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * A financing demand as a county states it: what the project is, who borrows, how much, for how
 * long and against what. The constraints are the rules a demand must meet before anything is
 * written; the API reports each broken one under its field's JSON path. The green pledges are
 * optional: a demand that offers WATER_RIGHTS, CARBON_QUOTA or EMISSION_RIGHTS may detail them, so
 * that matching checks their licence and value against the loan.
 */
@ConsistentDemand
public record Demand(
    @NotBlank @Size(max = 200) String title,
    @Prose @NotBlank @Size(max = 4000) String description,
    @NotNull @Valid Enterprise enterprise,
    @NotNull Industry industry,
    @NotNull Purpose purpose,
    @Positive @DecimalMax(MAX_AMOUNT) @Digits(integer = 12, fraction = 2)
        BigDecimal totalInvestment,
    @NotNull @Positive @DecimalMax(MAX_AMOUNT) @Digits(integer = 12, fraction = 2)
        BigDecimal amountRequested,
    @NotNull @Min(1) @Max(360) Integer termMonths,
    @NotNull @Size(min = 1, max = 10) @UniqueElements List<@NotNull Collateral> collateral,
    @NotNull @Size(max = 4) @UniqueElements List<@NotNull Tag> tags,
    @NotNull @Valid Contact contact,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @Size(max = 10)
        List<@NotNull @Valid GreenPledge> greenPledges) {

  /**
   * 100 billion CNY: above any single county project; a larger figure is a typing error (a few
   * zeros too many), not a demand.
   */
  public static final String MAX_AMOUNT = "100000000000.00";

  public Demand {
    totalInvestment = cents(totalInvestment);
    amountRequested = cents(amountRequested);
    if (tags == null) {
      tags = List.of();
    }
    if (greenPledges == null) {
      greenPledges = List.of();
    }
  }

  /**
   * Money is held and answered with two places ("70000000.00"); an amount with more places is kept
   * as given, so that validation refuses it instead of rounding it silently.
   */
  private static BigDecimal cents(BigDecimal amount) {
    return amount == null || amount.scale() > 2 ? amount : amount.setScale(2);
  }

  /** The borrower, identified by its unified social credit code. */
  public record Enterprise(
      @NotBlank @Size(max = 100) String name,
      @NotNull @CreditCode String creditCode,
      @NotNull EnterpriseSize size) {}

  /**
   * Whom the bank calls: a mainland mobile number or a landline with its area code (an extension
   * may follow).
   */
  public record Contact(
      @NotBlank @Size(max = 100) String name,
      @NotNull
          @Pattern(
              regexp = "1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8}(-[0-9]{1,6})?",
              message = "{huoshui.contact.phone}")
          String phone) {}
}
