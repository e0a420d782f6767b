package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.statement.StatementKind;
import org.negotiationledger.projections.fold.Agreement;
import org.negotiationledger.projections.fold.TimelineFact;

/**
 * The wording of the timeline's {@code summary}, one case a kind of entry: the sentences the views stored
 * before they kept facts (view schema 1), which clients have read since.
 */
class TimelineSentencesTest {

    @Test
    void anOpeningNamesItsPartiesAndAnyMediators() {
        assertThat(TimelineSentences.of(new TimelineFact.Opened("NK talks", List.of("am", "az"), List.of())))
                .isEqualTo("Negotiation opened: NK talks; parties am, az");
        assertThat(TimelineSentences.of(new TimelineFact.Opened("NZ", List.of("am", "az"), List.of("ru", "fr"))))
                .isEqualTo("Negotiation opened: NZ; parties am, az; mediators ru, fr");
    }

    @Test
    void talksNameTheirVenueAndAnyOutcome() {
        assertThat(TimelineSentences.of(new TimelineFact.Talks("Moscow", null))).isEqualTo("Talks at Moscow");
        assertThat(TimelineSentences.of(new TimelineFact.Talks("Geneva", "agreed to meet again")))
                .isEqualTo("Talks at Geneva: agreed to meet again");
    }

    @Test
    void anAgreementSaysTruceOrPledgeWithItsKindPartiesAndAnyBrokers() {
        assertThat(TimelineSentences.of(new TimelineFact.Agreed(
                        Agreement.TRUCE,
                        "Moscow ceasefire",
                        "HUMANITARIAN_CEASEFIRE",
                        List.of("am", "az"),
                        List.of("ru"))))
                .isEqualTo("Truce agreed: Moscow ceasefire (HUMANITARIAN_CEASEFIRE), parties am, az, brokered by ru");
        assertThat(TimelineSentences.of(new TimelineFact.Agreed(
                        Agreement.PLEDGE, "Civilians", "CIVILIAN_PROTECTION", List.of("am", "az"), List.of())))
                .isEqualTo("Pledge made: Civilians (CIVILIAN_PROTECTION), parties am, az");
    }

    @Test
    void aCommitmentTakesEffectAndExpires() {
        assertThat(TimelineSentences.of(new TimelineFact.TookEffect("Paris"))).isEqualTo("Paris takes effect");
        assertThat(TimelineSentences.of(new TimelineFact.Expires("Paris"))).isEqualTo("Paris expires");
    }

    @Test
    void anExtensionSaysToWhenInPlaceOfWhatAndWhoAgreedIt() {
        assertThat(TimelineSentences.of(new TimelineFact.Extended(
                        "Humanitarian pause",
                        "2020-10-16T12:00+04:00",
                        "2020-10-14T12:00+04:00",
                        List.of("armenia", "azerbaijan"))))
                .isEqualTo(
                        "Humanitarian pause extended to 2020-10-16T12:00+04:00 (was to expire 2020-10-14T12:00+04:00),"
                                + " agreed by armenia, azerbaijan");
    }

    @Test
    void aReportNamesWhoReportedWhomAndAnyDescription() {
        assertThat(TimelineSentences.of(new TimelineFact.Reported("Moscow ceasefire", "v1", "am", "az", "Assault")))
                .isEqualTo("Violation of Moscow ceasefire reported by am, accusing az: Assault");
        assertThat(TimelineSentences.of(new TimelineFact.Reported("Moscow ceasefire", "v2", "az", "am", null)))
                .isEqualTo("Violation of Moscow ceasefire reported by az, accusing am");
    }

    @Test
    void anAssessmentNamesItsOutcomeAnyAttributionAndItsAssessor() {
        assertThat(TimelineSentences.of(
                        new TimelineFact.Assessed("Moscow ceasefire", "v1", AssessmentOutcome.CONFIRMED, null, "un")))
                .isEqualTo("Report v1 on Moscow ceasefire assessed CONFIRMED by un");
        assertThat(TimelineSentences.of(new TimelineFact.Assessed(
                        "Moscow ceasefire", "v2", AssessmentOutcome.ATTRIBUTED, "am", "osce")))
                .isEqualTo("Report v2 on Moscow ceasefire assessed ATTRIBUTED (attributed to am) by osce");
    }

    @Test
    void aRetractionNamesWhoRetractedAndWhy() {
        assertThat(TimelineSentences.of(new TimelineFact.Retracted("Moscow ceasefire", "v2", "az", "mistaken")))
                .isEqualTo("Report v2 on Moscow ceasefire retracted by az: mistaken");
    }

    @Test
    void anEndNamesItsReasonAndAnyNote() {
        assertThat(TimelineSentences.of(new TimelineFact.Ended("Civilians", EndReason.TERMINATED, null)))
                .isEqualTo("Civilians ended (TERMINATED)");
        assertThat(TimelineSentences.of(new TimelineFact.Ended("Exchange", EndReason.COLLAPSED, "fell apart")))
                .isEqualTo("Exchange ended (COLLAPSED): fell apart");
    }

    @Test
    void aSupersessionNamesTheCommitmentThatSupersedes() {
        assertThat(TimelineSentences.of(new TimelineFact.Superseded("Moscow ceasefire", "c2")))
                .isEqualTo("Moscow ceasefire superseded by c2");
    }

    @Test
    void aStatementNamesItsAuthorAnyDeliveryItsKindsAndItsText() {
        assertThat(TimelineSentences.of(
                        new TimelineFact.Issued("un", null, List.of(StatementKind.CONCERN), "deeply concerned")))
                .isEqualTo("Statement by un [CONCERN]: deeply concerned");
        assertThat(TimelineSentences.of(new TimelineFact.Issued(
                        "un",
                        "Spokesperson",
                        List.of(StatementKind.CONCERN, StatementKind.CONDEMNATION, StatementKind.CALL),
                        "condemns")))
                .isEqualTo("Statement by un (Spokesperson) [CONCERN, CONDEMNATION, CALL]: condemns");
        assertThat(TimelineSentences.of(new TimelineFact.Issued("un", "", List.of(StatementKind.OTHER), "")))
                .isEqualTo("Statement by un () [OTHER]: ");
    }

    @Test
    void anEntryOfViewSchemaOneShowsTheSentenceItStored() {
        assertThat(TimelineSentences.of(new TimelineFact.Worded("Paris takes effect")))
                .isEqualTo("Paris takes effect");
    }
}
