package io.huoshui.credit.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.credit.bank.BankLevel;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit product as the API shows it and as the product events carry it ("the full product" of
 * docs/events.md): one shape for both, so that what a client reads is what a consumer receives.
 *
 * @param minAnnualRate percent per year
 * @param collateral empty for a credit loan, which needs none
 * @param budget the lending budget; null when the bank set none (unlimited)
 * @param remainingBudget what approvals have left of the budget; null without a budget
 * @param decisionWorkingDays the bank's own clock for a decision after INTEREST; absent from the
 *     JSON when the bank left it to the network's default, as matching-service reads it
 * @param disbursementWorkingDays the same for a first disbursement after APPROVAL
 * @param greenTerms per green kind it takes, its pledge ratio and the valuations it lends on;
 *     absent from the JSON when it states none and lends on the kinds alone
 */
public record Product(
    UUID productId,
    String bankCode,
    String bankName,
    BankLevel bankLevel,
    String name,
    ProductCategory category,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    int minTermMonths,
    int maxTermMonths,
    BigDecimal minAnnualRate,
    BigDecimal maxAnnualRate,
    List<Industry> industries,
    List<EnterpriseSize> enterpriseSizes,
    List<String> regions,
    List<Collateral> collateral,
    List<Tag> tags,
    LocalDate validFrom,
    LocalDate validTo,
    BigDecimal budget,
    BigDecimal remainingBudget,
    ProductStatus status,
    int version,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer decisionWorkingDays,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer disbursementWorkingDays,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GreenTerms> greenTerms) {}
