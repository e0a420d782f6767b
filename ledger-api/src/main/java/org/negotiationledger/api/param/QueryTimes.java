package org.negotiationledger.api.param;

import java.time.Instant;
import org.springframework.core.convert.converter.Converter;

/**
 * A time given as a parameter ({@code asOf}, {@code validAt}), read as every time in the API: ISO-8601 with an
 * offset, within the years a stated time may fall in. Registered for every {@link Instant} parameter; a text it
 * refuses is answered 400 with its message, naming the parameter.
 */
final class QueryTimes implements Converter<String, Instant> {

    @Override
    public Instant convert(String text) {
        return TimeText.Validator.read(text).utc();
    }
}
