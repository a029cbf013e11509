package io.huoshui.project.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.vocabulary.Collateral;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pledge of rights a demand details (取水证, 碳配额, 排污权): what a bank needs to value it and to know
 * whether it holds for the loan's term. Its value is the quantity × the unit price, or the
 * enterprise's valuation of the whole: exactly one of the two is given ({@link ConsistentDemand}).
 *
 * @param kind WATER_RIGHTS, CARBON_QUOTA or EMISSION_RIGHTS, one of the demand's collateral
 * @param licenceNumber the permit's number or the quota's account (取水许可证编号, 配额账户)
 * @param quantity what is licensed or held, in {@code unit}
 * @param unit m³ (a year), tCO2e, t …
 * @param validUntil the licence's last day
 * @param unitPrice CNY per unit (水价, 碳价)
 * @param valuation the enterprise's valuation of the whole, CNY
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GreenPledge(
    @NotNull Collateral kind,
    @NotBlank @Size(max = 64) String licenceNumber,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal quantity,
    @NotBlank @Size(max = 16) String unit,
    @NotNull LocalDate validUntil,
    @Positive @Digits(integer = 9, fraction = 4) BigDecimal unitPrice,
    @Positive @DecimalMax(Demand.MAX_AMOUNT) @Digits(integer = 12, fraction = 2)
        BigDecimal valuation) {}
