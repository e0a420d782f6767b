package org.negotiationledger.api.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that says something: at least one visible character, not only spaces, no-break spaces, zero-width or
 * other invisible characters ({@code @NotBlank} lets those through). With {@code name = true}, a name, title or
 * venue: one line, no tabs. Null passes (pair with {@code @NotNull} where required). What every text must be
 * besides is {@link org.negotiationledger.api.param.CleanText}'s.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {

    boolean name() default false;

    String message() default "must hold at least one visible character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private boolean name;

        @Override
        public void initialize(Text annotation) {
            name = annotation.name();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (name
                    && value.codePoints()
                            .anyMatch(c -> c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be one line, without tabs")
                        .addConstraintViolation();
                return false;
            }
            return value.codePoints().anyMatch(Validator::visible);
        }

        static boolean visible(int c) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            return switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
                // Characters that render as blank although Unicode counts them as letters or symbols.
                default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800 && c != 0x180E;
            };
        }
    }
}
