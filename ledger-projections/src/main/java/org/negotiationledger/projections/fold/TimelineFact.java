package org.negotiationledger.projections.fold;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.statement.StatementKind;

/**
 * What a timeline entry says, as facts: ids, kinds, actors and the sources' own words (titles, descriptions,
 * reasons). The fold keeps these and no sentence: the sentence is rendered where the entry is shown (the
 * server's answer), so that a change of wording needs no rebuild and a translation needs no other state.
 * Stored in the entry's row, named by {@code @type}; a change here raises the view schema version.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TimelineFact.Opened.class, name = "Opened"),
    @JsonSubTypes.Type(value = TimelineFact.Talks.class, name = "Talks"),
    @JsonSubTypes.Type(value = TimelineFact.Agreed.class, name = "Agreed"),
    @JsonSubTypes.Type(value = TimelineFact.TookEffect.class, name = "TookEffect"),
    @JsonSubTypes.Type(value = TimelineFact.Expires.class, name = "Expires"),
    @JsonSubTypes.Type(value = TimelineFact.Extended.class, name = "Extended"),
    @JsonSubTypes.Type(value = TimelineFact.Reported.class, name = "Reported"),
    @JsonSubTypes.Type(value = TimelineFact.Assessed.class, name = "Assessed"),
    @JsonSubTypes.Type(value = TimelineFact.Retracted.class, name = "Retracted"),
    @JsonSubTypes.Type(value = TimelineFact.Ended.class, name = "Ended"),
    @JsonSubTypes.Type(value = TimelineFact.Superseded.class, name = "Superseded"),
    @JsonSubTypes.Type(value = TimelineFact.Issued.class, name = "Issued"),
    @JsonSubTypes.Type(value = TimelineFact.Worded.class, name = "Worded")
})
public sealed interface TimelineFact {

    /**
     * The violation report this fact is about (its report, a finding on it, its retraction), or null. A client
     * tells two reports of one morning apart by it; the facts that carry one name it as a component of their own.
     */
    default String violationId() {
        return null;
    }

    /** A negotiation opened, with its parties and mediators (actor ids). */
    record Opened(String title, List<String> parties, List<String> mediators) implements TimelineFact {}

    /** A round of talks; {@code outcome} as the source stated it, or null. */
    record Talks(String venue, String outcome) implements TimelineFact {}

    /**
     * A commitment agreed: a truce or a pledge ({@code category}, as {@link Agreement#category()}), of a
     * {@code kind}, between parties, with its brokers.
     */
    record Agreed(String category, String title, String kind, List<String> parties, List<String> brokers)
            implements TimelineFact {}

    /** The commitment titled {@code title} takes effect. */
    record TookEffect(String title) implements TimelineFact {}

    /** The truce titled {@code title} expires. */
    record Expires(String title) implements TimelineFact {}

    /**
     * The truce titled {@code title} extended, by {@code agreedBy} (actor ids), to expire at {@code expiresAt}
     * (as stated) in place of {@code previousExpiry} (as stated: the expiry in force when it was agreed).
     */
    record Extended(String title, String expiresAt, String previousExpiry, List<String> agreedBy)
            implements TimelineFact {}

    /**
     * A violation of the commitment titled {@code title} reported, as report {@code violationId}; {@code description}
     * or null. A row of view schema 2 has no {@code violationId}, which reads as null.
     */
    record Reported(String title, String violationId, String reportedBy, String accused, String description)
            implements TimelineFact {}

    /** A report on the commitment titled {@code title} assessed; {@code attributedTo} or null. */
    record Assessed(String title, String violationId, AssessmentOutcome outcome, String attributedTo, String assessedBy)
            implements TimelineFact {}

    /** A report on the commitment titled {@code title} retracted, for a reason. */
    record Retracted(String title, String violationId, String retractedBy, String reason) implements TimelineFact {}

    /** The commitment titled {@code title} ended, for a reason; {@code note} or null. */
    record Ended(String title, EndReason reason, String note) implements TimelineFact {}

    /** The commitment titled {@code title} superseded by another (its id). */
    record Superseded(String title, String supersededBy) implements TimelineFact {}

    /** A statement by an author (actor id), delivered by someone (or null), of some kinds, with its text. */
    record Issued(String author, String deliveredBy, List<StatementKind> kinds, String text) implements TimelineFact {}

    /**
     * An entry of view schema 1, which stored the sentence in place of the facts. No fold makes one: it is how
     * such a row reads, so that a generation built under schema 1 answers as before while the rebuild into the
     * current schema runs. It can go when no ledger of schema 1 is left to upgrade.
     */
    record Worded(String sentence) implements TimelineFact {}
}
