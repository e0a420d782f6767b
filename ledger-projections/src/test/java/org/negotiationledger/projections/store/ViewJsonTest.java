package org.negotiationledger.projections.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.negotiationledger.projections.fold.Agreement;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;

/** The stored form of view state: what is written reads back the same, in the layout the view schema names. */
class ViewJsonTest {

    private static final Instant RECORDED = Instant.parse("2020-10-10T08:00:00Z");

    /** The keys of a commitment's row as view schema 1 stores them: a change here wants {@code ViewTables.SCHEMA} raised. */
    private static final List<String> SCHEMA_1_COMMITMENT = List.of(
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
    void aCommitmentKeepsTheStoredLayoutOfViewSchemaOne() throws Exception {
        JsonNode row = ViewJson.MAPPER.readTree(ViewJson.write(moscow()));

        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(SCHEMA_1_COMMITMENT);
        assertThat(row.get("title").asText()).isEqualTo("Moscow humanitarian ceasefire");
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
                RECORDED);
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
                null);
        return new CommitmentState(
                agreement,
                List.of(new CommitmentState.Renewal("paris", RECORDED.plusSeconds(600))),
                List.of(),
                new CommitmentState.Ending(EndReason.COLLAPSED, effective, "note", RECORDED.plusSeconds(900)),
                List.of(report),
                4,
                17);
    }
}
