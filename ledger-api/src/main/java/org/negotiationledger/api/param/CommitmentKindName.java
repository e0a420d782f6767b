package org.negotiationledger.api.param;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.negotiationledger.core.commitment.PledgeKind;
import org.negotiationledger.core.commitment.TruceKind;

/** A commitment kind as a filter: one of the truce or pledge kinds, exactly as named. Null passes. */
@Target(PARAMETER)
@Retention(RUNTIME)
@Constraint(validatedBy = CommitmentKindName.Validator.class)
public @interface CommitmentKindName {

    /** Replaced by the kinds themselves, which an annotation cannot name. */
    String message() default "must be a truce or pledge kind";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CommitmentKindName, String> {

        private static final Set<String> NAMES = Stream.concat(
                        Stream.of(TruceKind.values()), Stream.of(PledgeKind.values()))
                .map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());

        private static final String MESSAGE =
                "must be one of " + List.of(TruceKind.values()) + " or " + List.of(PledgeKind.values());

        @Override
        public boolean isValid(String kind, ConstraintValidatorContext context) {
            if (kind == null || NAMES.contains(kind)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(MESSAGE).addConstraintViolation();
            return false;
        }
    }
}
