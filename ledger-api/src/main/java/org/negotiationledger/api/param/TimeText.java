package org.negotiationledger.api.param;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A time in the contract's syntax: ISO-8601 with an offset, optionally a zone id in brackets. Null passes
 * (pair with {@code @NotNull} where required); the message says what is wrong with the text.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = TimeText.Validator.class)
public @interface TimeText {

    String message() default "must be an ISO-8601 date-time with an offset, e.g. 2020-10-10T12:00+04:00[Asia/Baku]";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * The years a stated time may fall in. Far wider than any negotiation the ledger records; what lies outside
     * is a typo or a probe, and would only skew the views' time axes.
     */
    int FIRST_YEAR = 1900;

    int LAST_YEAR = 2199;
    String RANGE = "must be a time between the years " + FIRST_YEAR + " and " + LAST_YEAR;

    class Validator implements ConstraintValidator<TimeText, String> {

        /**
         * Reads a time as the API takes it anywhere, in a body or in a query: ISO-8601 with an offset, within
         * {@link #FIRST_YEAR} to {@link #LAST_YEAR}.
         *
         * @throws IllegalArgumentException saying what is wrong with the text
         */
        public static StatedTime read(String text) {
            StatedTime time = StatedTime.parse(text, Precision.MINUTE);
            if (time.local().getYear() < FIRST_YEAR || time.local().getYear() > LAST_YEAR) {
                throw new IllegalArgumentException(RANGE);
            }
            return time;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                read(value);
                return true;
            } catch (IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                // The client's text is echoed: escape what the message interpolator would interpret.
                String message = e.getMessage()
                        .replace("\\", "\\\\")
                        .replace("{", "\\{")
                        .replace("}", "\\}")
                        .replace("$", "\\$");
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                return false;
            }
        }
    }
}
