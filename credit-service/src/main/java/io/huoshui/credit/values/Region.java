package io.huoshui.credit.values;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A province, city or county division code in a request: products' and instruments' regions. */
@Documented
@Pattern(regexp = DivisionCodes.REGION, message = "{huoshui.region}")
@Constraint(validatedBy = {})
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Region {

  String message() default "{huoshui.region}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
