package org.negotiationledger.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.commitment.Location;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.statement.StatementKind;
import org.negotiationledger.projections.fold.Agreement;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.negotiationledger.projections.fold.TimelineFact;

/** The stored form of view state: what is written reads back the same, in the layout the view schema names. */
class ViewJsonTest {

    private static final Instant RECORDED = Instant.parse("2020-10-10T08:00:00Z");

    /**
     * The keys of a commitment's row as view schema 4 stores them (schema 1's and {@code announcedAt}): a change here
     * wants {@code ViewTables.SCHEMA} raised.
     */
    private static final List<String> SCHEMA_4_COMMITMENT = List.of(
            "id",
            "negotiationId",
            "category",
            "kind",
            "title",
            "parties",
            "brokers",
            "venue",
            "agreedAt",
            "effectiveFrom",
            "expiresAt",
            "terms",
            "renews",
            "supersedes",
            "source",
            "recordedAt",
            "announcedAt",
            "renewals",
            "supersessions",
            "ending",
            "reports",
            "lastSequence",
            "firstIndex");

    @Test
    void aCommitmentReadsBackAsWritten() {
        CommitmentState state = moscow();

        assertThat(ViewJson.read(ViewJson.write(state), CommitmentState.class)).isEqualTo(state);
    }

    @Test
    void anExtendedCommitmentReadsBackAsWrittenWithItsExtensions() {
        CommitmentState moscow = moscow();
        StatedTime agreed = StatedTime.parse("2020-10-13T20:00+04:00", Precision.MINUTE);
        CommitmentState extended = new CommitmentState(
                moscow.agreement(),
                moscow.renewals(),
                moscow.supersessions(),
                moscow.ending(),
                moscow.reports(),
                moscow.lastSequence(),
                moscow.firstIndex(),
                List.of(new CommitmentState.Extension(
                        StatedTime.parse("2020-10-16T12:00+04:00", Precision.MINUTE),
                        agreed,
                        null,
                        List.of("armenia", "russia"),
                        "UN News",
                        null,
                        RECORDED.plusSeconds(1200))));

        assertThat(ViewJson.read(ViewJson.write(extended), CommitmentState.class))
                .isEqualTo(extended);
    }

    @Test
    void aCommitmentKeepsTheStoredLayoutOfViewSchemaFour() throws Exception {
        JsonNode row = ViewJson.MAPPER.readTree(ViewJson.write(moscow()));

        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(SCHEMA_4_COMMITMENT);
        assertThat(row.get("title").asText()).isEqualTo("Moscow humanitarian ceasefire");
    }

    /** A generation built under schema 3 serves until the rebuild into schema 4 takes over: its rows still read. */
    @Test
    void aCommitmentRowOfViewSchemaThreeReadsWithoutAnAnnouncement() throws Exception {
        ObjectNode row = (ObjectNode) ViewJson.MAPPER.readTree(ViewJson.write(moscow()));
        row.remove("announcedAt");

        CommitmentState read = ViewJson.read(ViewJson.MAPPER.writeValueAsString(row), CommitmentState.class);

        assertThat(read.agreement().announcedAt()).isNull();
        assertThat(read.agreement().agreedAt()).isEqualTo(moscow().agreement().agreedAt());
    }

    /** The keys of a timeline row as view schemas 2 and 3 store them: the entry's facts under {@code fact}. */
    private static final List<String> SCHEMA_2_TIMELINE = List.of(
            "negotiationId",
            "globalIndex",
            "entry",
            "validAtUtc",
            "validAt",
            "validAtPrecision",
            "recordedAt",
            "type",
            "recordId",
            "fact");

    @Test
    void aTimelineEntryOfEachKindReadsBackAsWritten() {
        for (TimelineFact fact : List.of(
                new TimelineFact.Opened("NK", List.of("armenia", "azerbaijan"), List.of("russia")),
                new TimelineFact.Talks("Moscow", null),
                new TimelineFact.Agreed(
                        Agreement.TRUCE, "Moscow", "HUMANITARIAN", List.of("armenia", "azerbaijan"), List.of()),
                new TimelineFact.TookEffect("Moscow"),
                new TimelineFact.Expires("Moscow"),
                new TimelineFact.Reported("Moscow", "first", "armenia", "azerbaijan", "shelling"),
                new TimelineFact.Assessed("Moscow", "first", AssessmentOutcome.ATTRIBUTED, "armenia", "un"),
                new TimelineFact.Retracted("Moscow", "first", "armenia", "mistaken"),
                new TimelineFact.Ended("Moscow", EndReason.COLLAPSED, null),
                new TimelineFact.Superseded("Moscow", "paris"),
                new TimelineFact.Issued("un", null, List.of(StatementKind.CONCERN, StatementKind.CALL), "text"))) {
            TimelineEntry entry = entry(fact);

            assertThat(ViewJson.read(ViewJson.write(entry), TimelineEntry.class))
                    .isEqualTo(entry);
        }
    }

    @Test
    void aTimelineEntryKeepsTheStoredLayoutOfViewSchemaTwo() throws Exception {
        JsonNode row = ViewJson.MAPPER.readTree(ViewJson.write(entry(new TimelineFact.TookEffect("Moscow"))));

        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(SCHEMA_2_TIMELINE);
        assertThat(row.get("fact").get("@type").asText()).isEqualTo("TookEffect");
        assertThat(row.get("fact").get("title").asText()).isEqualTo("Moscow");
    }

    /** A generation built under schema 1 serves until the rebuild into schema 2 takes over: its rows still read. */
    @Test
    void aTimelineRowOfViewSchemaOneReadsAsTheSentenceItStored() {
        String schema1 = "{\"negotiationId\":\"nk\",\"globalIndex\":3,\"entry\":1,"
                + "\"validAtUtc\":1602316800.000000000,\"validAt\":\"2020-10-10T12:00+04:00\","
                + "\"validAtPrecision\":\"MINUTE\",\"recordedAt\":1602316800.000000000,"
                + "\"type\":\"CommitmentTookEffect\",\"recordId\":\"moscow\",\"summary\":\"Moscow takes effect\"}";

        TimelineEntry entry = ViewJson.read(schema1, TimelineEntry.class);

        assertThat(entry.fact()).isEqualTo(new TimelineFact.Worded("Moscow takes effect"));
        assertThat(entry.type()).isEqualTo("CommitmentTookEffect");
        assertThat(entry.validAtUtc()).isEqualTo(Instant.parse("2020-10-10T08:00:00Z"));
        assertThat(entry.entry()).isEqualTo(1);
    }

    @Test
    void aReportsTimelineFactStoresItsViolationIdAndNoOtherFactStoresOne() throws Exception {
        JsonNode reported = ViewJson.MAPPER.readTree(
                ViewJson.write(entry(new TimelineFact.Reported("Moscow", "first", "armenia", "azerbaijan", null))));
        JsonNode tookEffect = ViewJson.MAPPER.readTree(ViewJson.write(entry(new TimelineFact.TookEffect("Moscow"))));

        assertThat(reported.get("fact").get("violationId").asText()).isEqualTo("first");
        assertThat(tookEffect.get("fact").has("violationId"))
                .as("the interface's default is no component of the stored facts")
                .isFalse();
    }

    /** A generation built under schema 2 serves until the rebuild into schema 3 takes over: its rows still read. */
    @Test
    void aReportsTimelineRowOfViewSchemaTwoReadsWithoutItsViolationId() {
        String schema2 = "{\"negotiationId\":\"nk\",\"globalIndex\":5,\"entry\":0,"
                + "\"validAtUtc\":1602317100.000000000,\"validAt\":\"2020-10-10T12:05+04:00\","
                + "\"validAtPrecision\":\"MINUTE\",\"recordedAt\":1602317100.000000000,"
                + "\"type\":\"ViolationReported\",\"recordId\":\"moscow\",\"fact\":{\"@type\":\"Reported\","
                + "\"title\":\"Moscow\",\"reportedBy\":\"armenia\",\"accused\":\"azerbaijan\",\"description\":null}}";

        TimelineEntry entry = ViewJson.read(schema2, TimelineEntry.class);

        assertThat(entry.fact()).isEqualTo(new TimelineFact.Reported("Moscow", null, "armenia", "azerbaijan", null));
        assertThat(entry.fact().violationId()).isNull();
        assertThat(entry.globalIndex()).isEqualTo(5);
    }

    private static TimelineEntry entry(TimelineFact fact) {
        return new TimelineEntry(
                "nk",
                3,
                1,
                Instant.parse("2020-10-10T08:00:00Z"),
                "2020-10-10T12:00+04:00",
                Precision.MINUTE,
                RECORDED,
                "CommitmentTookEffect",
                "moscow",
                fact);
    }

    private static CommitmentState moscow() {
        StatedTime agreed = StatedTime.parse("2020-10-10T03:00+03:00", Precision.MINUTE);
        StatedTime effective = StatedTime.parse("2020-10-10T12:00+04:00", Precision.MINUTE);
        Agreement agreement = new Agreement(
                "moscow",
                "nk",
                Agreement.TRUCE,
                "HUMANITARIAN",
                "Moscow humanitarian ceasefire",
                List.of("armenia", "azerbaijan"),
                List.of("russia"),
                "Moscow",
                agreed,
                effective,
                null,
                List.of("exchange of prisoners and bodies"),
                null,
                List.of(),
                "https://example.org/moscow",
                RECORDED,
                StatedTime.parse("2020-10-09T21:00+04:00", Precision.HOUR));
        ReportState report = new ReportState(
                "first",
                "armenia",
                "azerbaijan",
                StatedTime.parse("2020-10-10T12:05+04:00", Precision.MINUTE),
                RECORDED.plusSeconds(60),
                new Location("Stepanakert", 39.8, 46.75),
                "shelling",
                new Casualties(1, null),
                null,
                List.of(new ReportState.Assessment(
                        AssessmentOutcome.CONFIRMED, null, "un", effective, null, RECORDED.plusSeconds(120))),
                null,
                StatedTime.parse("2020-10-10T12:35+04:00", Precision.MINUTE));
        return new CommitmentState(
                agreement,
                List.of(new CommitmentState.Renewal("paris", RECORDED.plusSeconds(600))),
                List.of(),
                new CommitmentState.Ending(EndReason.COLLAPSED, effective, "note", RECORDED.plusSeconds(900)),
                List.of(report),
                4,
                17,
                List.of());
    }
}
