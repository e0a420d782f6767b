package org.negotiationledger.api.param;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A window in hours: from 0 to {@link #MAX}; not a number (NaN) and infinity are refused. */
@Target(PARAMETER)
@Retention(RUNTIME)
@Constraint(validatedBy = Hours.Validator.class)
public @interface Hours {

    /** The most hours a window may span: more than a century of any truce, far below any overflow. */
    long MAX = 1_000_000;

    String message() default "must be a number of hours from 0 to " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Hours, Double> {

        @Override
        public boolean isValid(Double hours, ConstraintValidatorContext context) {
            return hours == null || hours >= 0 && hours <= MAX;
        }
    }
}
