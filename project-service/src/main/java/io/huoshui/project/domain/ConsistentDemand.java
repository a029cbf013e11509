package io.huoshui.project.domain;

import io.huoshui.vocabulary.Collateral;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The rules between fields of a demand, each reported on the field a county would correct: the
 * amount requested cannot exceed the total investment, NONE cannot be combined with collateral, and
 * a green pledge is of a green kind the demand offers and is valued either by a unit price or by
 * the enterprise's valuation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentDemand.Validator.class)
@interface ConsistentDemand {

  String message() default "{huoshui.demand.consistent}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ConsistentDemand, Demand> {

    @Override
    public boolean isValid(Demand demand, ConstraintValidatorContext context) {
      boolean valid = true;
      context.disableDefaultConstraintViolation();
      if (demand.totalInvestment() != null
          && demand.amountRequested() != null
          && demand.amountRequested().compareTo(demand.totalInvestment()) > 0) {
        valid = false;
        context
            .buildConstraintViolationWithTemplate("{huoshui.demand.amountAboveInvestment}")
            .addPropertyNode("amountRequested")
            .addConstraintViolation();
      }
      if (demand.collateral() != null
          && demand.collateral().size() > 1
          && demand.collateral().contains(Collateral.NONE)) {
        valid = false;
        context
            .buildConstraintViolationWithTemplate("{huoshui.demand.noneWithCollateral}")
            .addPropertyNode("collateral")
            .addConstraintViolation();
      }
      List<GreenPledge> pledges = demand.greenPledges();
      for (int i = 0; i < pledges.size(); i++) {
        GreenPledge pledge = pledges.get(i);
        if (pledge == null) {
          continue;
        }
        if (pledge.kind() != null && !pledge.kind().isGreenRight()) {
          valid = refuse(context, i, "kind", "{huoshui.demand.pledgeNotGreen}");
        } else if (pledge.kind() != null
            && demand.collateral() != null
            && !demand.collateral().contains(pledge.kind())) {
          valid = refuse(context, i, "kind", "{huoshui.demand.pledgeNotOffered}");
        }
        if ((pledge.unitPrice() == null) == (pledge.valuation() == null)) {
          valid = refuse(context, i, "unitPrice", "{huoshui.demand.pledgePriceOrValuation}");
        }
      }
      return valid;
    }

    private static boolean refuse(
        ConstraintValidatorContext context, int index, String member, String template) {
      context
          .buildConstraintViolationWithTemplate(template)
          .addPropertyNode("greenPledges")
          .addPropertyNode(member)
          .inIterable()
          .atIndex(index)
          .addConstraintViolation();
      return false;
    }
  }
}
