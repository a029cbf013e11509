package io.huoshui.credit.product;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.PledgeValuation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * What a product lends on one kind of green pledge it takes (取水证, 碳配额, 排污权): matching lends a
 * demand's detailed pledge up to its value × {@code pledgeRatio} %.
 *
 * @param kind WATER_RIGHTS, CARBON_QUOTA or EMISSION_RIGHTS, one of the product's collateral
 * @param pledgeRatio the percent of the value lent (质押率), above 0 and at most 100, e.g. 50.00
 * @param valuations how the bank takes the value: UNIT_PRICE (quantity × unit price),
 *     ENTERPRISE_VALUATION (the enterprise's own valuation), or both
 */
public record GreenTerms(
    @NotNull Collateral kind,
    @NotNull @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal pledgeRatio,
    @NotEmpty @UniqueElements List<@NotNull PledgeValuation> valuations) {}
