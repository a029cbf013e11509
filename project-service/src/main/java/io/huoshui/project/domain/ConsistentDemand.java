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

/**
 * The rules between fields of a demand, each reported on the field a county would correct: the
 * amount requested cannot exceed the total investment, and NONE cannot be combined with collateral.
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
      return valid;
    }
  }
}
