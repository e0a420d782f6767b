package org.negotiationledger.api.view;

import java.util.List;
import org.negotiationledger.projections.fold.Agreement;
import org.negotiationledger.projections.fold.TimelineFact;

/**
 * The sentence a timeline entry is shown with (the {@code summary} of the timeline's answers and of the timeline
 * stream's facts), made from the facts the views keep. The one place the wording lives: changing it needs no
 * rebuild, and a translation would be a second renderer beside this one.
 */
public final class TimelineSentences {

    private TimelineSentences() {}

    public static String of(TimelineFact fact) {
        if (fact instanceof TimelineFact.Opened f) {
            return "Negotiation opened: " + f.title() + "; parties " + list(f.parties())
                    + (f.mediators().isEmpty() ? "" : "; mediators " + list(f.mediators()));
        } else if (fact instanceof TimelineFact.Talks f) {
            return "Talks at " + f.venue() + (f.outcome() == null ? "" : ": " + f.outcome());
        } else if (fact instanceof TimelineFact.Agreed f) {
            return (Agreement.TRUCE.equals(f.category()) ? "Truce agreed" : "Pledge made") + ": " + f.title() + " ("
                    + f.kind() + "), parties " + list(f.parties())
                    + (f.brokers().isEmpty() ? "" : ", brokered by " + list(f.brokers()));
        } else if (fact instanceof TimelineFact.TookEffect f) {
            return f.title() + " takes effect";
        } else if (fact instanceof TimelineFact.Expires f) {
            return f.title() + " expires";
        } else if (fact instanceof TimelineFact.Extended f) {
            return f.title() + " extended to " + f.expiresAt()
                    + (f.previousExpiry() == null ? "" : " (was to expire " + f.previousExpiry() + ")")
                    + ", agreed by " + list(f.agreedBy());
        } else if (fact instanceof TimelineFact.Reported f) {
            return "Violation of " + f.title() + " reported by " + f.reportedBy() + ", accusing " + f.accused()
                    + (f.description() == null ? "" : ": " + f.description());
        } else if (fact instanceof TimelineFact.Assessed f) {
            return "Report " + f.violationId() + " on " + f.title() + " assessed "
                    + f.outcome().name()
                    + (f.attributedTo() == null ? "" : " (attributed to " + f.attributedTo() + ")")
                    + " by " + f.assessedBy();
        } else if (fact instanceof TimelineFact.Retracted f) {
            return "Report " + f.violationId() + " on " + f.title() + " retracted by " + f.retractedBy() + ": "
                    + f.reason();
        } else if (fact instanceof TimelineFact.Ended f) {
            return f.title() + " ended (" + f.reason().name() + ")" + (f.note() == null ? "" : ": " + f.note());
        } else if (fact instanceof TimelineFact.Superseded f) {
            return f.title() + " superseded by " + f.supersededBy();
        } else if (fact instanceof TimelineFact.Issued f) {
            return "Statement by " + f.author() + (f.deliveredBy() == null ? "" : " (" + f.deliveredBy() + ")") + " ["
                    + list(f.kinds().stream().map(Enum::name).toList()) + "]: " + f.text();
        } else if (fact instanceof TimelineFact.Worded f) {
            return f.sentence();
        }
        throw new IllegalArgumentException("no sentence for " + fact);
    }

    private static String list(List<String> ids) {
        return String.join(", ", ids);
    }
}
