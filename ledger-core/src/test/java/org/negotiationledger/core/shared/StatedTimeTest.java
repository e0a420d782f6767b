package org.negotiationledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatedTimeTest {

    @Test
    void keepsLocalTimeOffsetZoneAndUtcInstant() {
        StatedTime t = StatedTime.parse("2020-10-10T12:00:00+04:00[Asia/Baku]", null);
        assertThat(t.utc()).isEqualTo(Instant.parse("2020-10-10T08:00:00Z"));
        assertThat(t.zone()).isEqualTo("Asia/Baku");
        assertThat(t.precision()).isEqualTo(Precision.MINUTE);
        assertThat(t.stated()).isEqualTo("2020-10-10T12:00+04:00[Asia/Baku]");
    }

    @Test
    void refusesTimeWithoutOffset() {
        assertThatThrownBy(() -> StatedTime.parse("2020-10-10T12:00", null)).hasMessageContaining("no UTC offset");
        assertThatThrownBy(() -> StatedTime.parse("2020-10-10T12:00[Asia/Baku]", null))
                .hasMessageContaining("offset");
    }

    @Test
    void refusesOffsetTheZoneDidNotHave() {
        assertThatThrownBy(() -> StatedTime.parse("2020-10-10T12:00+05:00[Asia/Baku]", null))
                .hasMessageContaining("did not have offset");
    }

    @Test
    void dayPrecisionDenotesTheWholeLocalDay() {
        StatedTime day = StatedTime.parse("2020-10-10T15:00+04:00", Precision.DAY);
        assertThat(day.earliest()).isEqualTo(Instant.parse("2020-10-09T20:00:00Z"));
        assertThat(day.latest()).isEqualTo(Instant.parse("2020-10-10T19:59:00Z"));
    }

    @Test
    void hourPrecisionDenotesTheWholeHour() {
        StatedTime hour = StatedTime.parse("2020-10-10T03:00+03:00", Precision.HOUR);
        assertThat(hour.earliest()).isEqualTo(Instant.parse("2020-10-10T00:00:00Z"));
        assertThat(hour.latest()).isEqualTo(Instant.parse("2020-10-10T00:59:00Z"));
    }

    @Test
    void weekPrecisionDenotesTheWholeIsoWeekFromMondayInTheStatedLocalTime() {
        StatedTime week = StatedTime.parse("2020-10-14T09:30+04:00", Precision.WEEK); // a Wednesday
        assertThat(week.earliest()).isEqualTo(Instant.parse("2020-10-11T20:00:00Z")); // Monday 12 Oct, 00:00 +04:00
        assertThat(week.latest()).isEqualTo(Instant.parse("2020-10-18T19:59:00Z")); // Sunday 18 Oct, 23:59 +04:00
        assertThat(week.utc()).isEqualTo(Instant.parse("2020-10-14T05:30:00Z")); // kept as stated
    }

    @Test
    void aWeekStatedOnItsMondayOrSundayIsThatSameWeek() {
        StatedTime monday = StatedTime.parse("2020-10-12T00:00+04:00", Precision.WEEK);
        StatedTime sunday = StatedTime.parse("2020-10-18T23:59+04:00", Precision.WEEK);
        assertThat(monday.earliest()).isEqualTo(sunday.earliest());
        assertThat(monday.latest()).isEqualTo(sunday.latest());
    }

    @Test
    void monthPrecisionDenotesTheWholeCalendarMonthWhateverItsLength() {
        StatedTime october = StatedTime.parse("2020-10-20T00:00+04:00", Precision.MONTH);
        assertThat(october.earliest()).isEqualTo(Instant.parse("2020-09-30T20:00:00Z"));
        assertThat(october.latest()).isEqualTo(Instant.parse("2020-10-31T19:59:00Z"));
        StatedTime leapFebruary = StatedTime.parse("2020-02-10T12:00Z", Precision.MONTH);
        assertThat(leapFebruary.earliest()).isEqualTo(Instant.parse("2020-02-01T00:00:00Z"));
        assertThat(leapFebruary.latest()).isEqualTo(Instant.parse("2020-02-29T23:59:00Z"));
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        StatedTime t = StatedTime.parse("2020-10-10T03:00+03:00[Europe/Moscow]", Precision.HOUR);
        String text = json.writeValueAsString(t);
        assertThat(text).contains("\"utc\":\"2020-10-10T00:00:00Z\"").contains("\"offset\":\"+03:00\"");
        assertThat(json.readValue(text, StatedTime.class)).isEqualTo(t);
        assertThat(json.writeValueAsString(new ActorId("armenia"))).isEqualTo("\"armenia\"");
        assertThat(json.readValue("\"armenia\"", ActorId.class)).isEqualTo(new ActorId("armenia"));
    }

    @Test
    void idsAreStreamKeysOfTheirKind() {
        assertThat(new ActorId("armenia").toString()).isEqualTo("actor:armenia");
        assertThat(new CommitmentId("armenia").toString()).isEqualTo("commitment:armenia");
        assertThatThrownBy(() -> new ActorId("Armenia")).isInstanceOf(IllegalArgumentException.class);
    }
}
