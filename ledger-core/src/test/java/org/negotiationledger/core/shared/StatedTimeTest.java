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
