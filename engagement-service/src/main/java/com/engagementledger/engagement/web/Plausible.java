package com.engagementledger.engagement.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A time at which something happened: not before 2000 and not in the future (five minutes of clock skew allowed;
 * a date may be today in any time zone). Year 9999 is refused here, not stored.
 */
@Target({ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {Plausible.InstantValidator.class, Plausible.DateValidator.class})
public @interface Plausible {
    String message() default "must be a time that has happened: between 2000-01-01 and now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    class InstantValidator implements ConstraintValidator<Plausible, Instant> {
        private final Clock clock;

        public InstantValidator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST)
                    && !value.isAfter(clock.instant().plus(Duration.ofMinutes(5))));
        }
    }

    class DateValidator implements ConstraintValidator<Plausible, LocalDate> {
        private final Clock clock;

        public DateValidator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(LocalDate.of(2000, 1, 1))
                    && !value.isAfter(LocalDate.now(clock.withZone(ZoneOffset.ofHours(14)))));
        }
    }
}
