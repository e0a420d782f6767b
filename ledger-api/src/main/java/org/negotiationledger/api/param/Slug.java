package org.negotiationledger.api.param;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.negotiationledger.core.shared.RecordId;

/** A record's id in the contract's syntax ({@link RecordId#SYNTAX}). Null passes: pair with a required parameter. */
@Target(PARAMETER)
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = RecordId.SYNTAX)
@jakarta.validation.ReportAsSingleViolation
public @interface Slug {

    String message() default "must be an id matching " + RecordId.SYNTAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
