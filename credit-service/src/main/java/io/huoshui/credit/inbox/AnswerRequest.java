package io.huoshui.credit.inbox;

import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.ApiProblem.Violation;
import io.huoshui.service.web.Prose;
import io.huoshui.vocabulary.DeclineReason;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A bank's answer to a match. Which fields an answer takes depends on the answer:
 *
 * <ul>
 *   <li>INTEREST: {@code amount} (indicative);
 *   <li>DECLINE: {@code reasonCode}, {@code note} (required with OTHER);
 *   <li>APPROVAL: {@code amount}, {@code annualRate}, {@code termMonths}, and {@code
 *       overRequestReason} when the amount is above the one requested, and {@code instruments}
 *       (optional) naming the policy instruments it draws on, each once;
 *   <li>DISBURSEMENT: {@code amount} (this tranche), {@code disbursedOn}.
 * </ul>
 *
 * An APPROVAL or a DISBURSEMENT may also record the registration of a green pledge behind the
 * match: {@code registrationNumber} (动产融资统一登记公示系统登记编号) and {@code filingNumber} (the licensing
 * authority's 备案号), which a disbursement on such a pledge requires ({@link PledgeRegistrations}).
 *
 * <p>A field that the answer does not take is refused rather than silently dropped: every answer is
 * recorded exactly as the bank meant it.
 */
record AnswerRequest(
    @NotNull Answer answer,
    @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount,
    @DecimalMin("0") @DecimalMax("36") @Digits(integer = 2, fraction = 3) BigDecimal annualRate,
    @Min(1) @Max(600) Integer termMonths,
    DeclineReason reasonCode,
    @Prose @Size(max = 2000) String note,
    @Size(max = 2000) String overRequestReason,
    LocalDate disbursedOn,
    @Size(max = 20) List<@NotNull UUID> instruments,
    @Size(max = 64) String registrationNumber,
    @Size(max = 64) String filingNumber) {

  /** The instruments an approval draws on; none unless it names some. */
  List<UUID> instrumentsOrNone() {
    return instruments == null ? List.of() : instruments;
  }

  /** Throws a 400 naming each field missing from, or foreign to, this kind of answer. */
  AnswerRequest requireShape(LocalDate today) {
    List<Violation> errors = new ArrayList<>();
    required(errors, "amount", amount, answer != Answer.DECLINE);
    required(errors, "annualRate", annualRate, answer == Answer.APPROVAL);
    required(errors, "termMonths", termMonths, answer == Answer.APPROVAL);
    required(errors, "reasonCode", reasonCode, answer == Answer.DECLINE);
    required(errors, "disbursedOn", disbursedOn, answer == Answer.DISBURSEMENT);
    foreign(errors, "note", note, answer == Answer.DECLINE);
    foreign(errors, "overRequestReason", overRequestReason, answer == Answer.APPROVAL);
    if (answer == Answer.DECLINE && reasonCode == DeclineReason.OTHER && isBlank(note)) {
      errors.add(new Violation("note", "拒绝原因为 OTHER 时须填写", "is required when the reason is OTHER"));
    }
    foreign(errors, "instruments", instruments, answer == Answer.APPROVAL);
    if (instruments != null && Set.copyOf(instruments).size() < instruments.size()) {
      errors.add(new Violation("instruments", "每个政策工具只能列一次", "must name each instrument once"));
    }
    boolean registers = answer == Answer.APPROVAL || answer == Answer.DISBURSEMENT;
    foreign(errors, "registrationNumber", registrationNumber, registers);
    foreign(errors, "filingNumber", filingNumber, registers);
    notBlank(errors, "registrationNumber", registrationNumber);
    notBlank(errors, "filingNumber", filingNumber);
    if (disbursedOn != null && disbursedOn.isAfter(today)) {
      errors.add(new Violation("disbursedOn", "不得晚于今天", "must not be in the future"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return this;
  }

  private void required(List<Violation> errors, String field, Object value, boolean taken) {
    if (taken && value == null) {
      errors.add(
          new Violation(field, answer + " 答复须填写此项", "is required in a " + answer + " answer"));
    } else {
      foreign(errors, field, value, taken);
    }
  }

  private void foreign(List<Violation> errors, String field, Object value, boolean taken) {
    if (!taken && value != null) {
      errors.add(
          new Violation(field, answer + " 答复不含此项", "is not part of a " + answer + " answer"));
    }
  }

  private static void notBlank(List<Violation> errors, String field, String value) {
    if (value != null && value.isBlank()) {
      errors.add(new Violation(field, "不能为空白", "must not be blank"));
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
