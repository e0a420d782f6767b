package org.negotiationledger.api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the views must say of one negotiation's history, written from {@code docs/domain.md} (and the README's
 * rules of the two clocks) alone, in the plainest code: a list of facts and one function per question. It calls
 * nothing of the server's folds, views or answers, so a rule the server gets wrong is not also got wrong here.
 * It is slow (every question walks all the facts) and that is the point: it has nothing clever to be wrong in.
 *
 * <p>Where the contract leaves an answer open (whether a finding counts before its own valid time, a time
 * interval straddling the question's moment), it says so ({@link #OPEN}, or by leaving the question unasked), and
 * the test asks only what the contract decides.
 */
final class Oracle {

    /** An answer the contract does not decide. */
    static final String OPEN = "(open)";

    /** The fixed valid time at which every finding of the generated histories was made. */
    static final Instant ASSESSED_AT = Instant.parse("2020-10-19T20:00:00Z");

    /** The fixed valid time at which every commitment of the generated histories was agreed (03:00+04:00). */
    static final Instant AGREED_AT = Instant.parse("2020-10-09T23:00:00Z");

    final String negotiation;
    final Instant opened;
    final Map<String, Commitment> commitments = new HashMap<>();
    final List<Statement> statements = new ArrayList<>();
    final List<Talks> talks = new ArrayList<>();

    Oracle(String negotiation, Instant opened) {
        this.negotiation = negotiation;
        this.opened = opened;
    }

    // ---- the facts ----

    /** A truce or a pledge, and what happened to it. */
    static final class Commitment {
        final String id;
        final boolean truce;
        final List<String> parties;
        final Instant effective;
        final Instant expires;
        final Instant recorded;
        final List<Report> reports = new ArrayList<>();
        final List<Ending> endings = new ArrayList<>();
        final List<Extension> extensions = new ArrayList<>();

        Commitment(
                String id, boolean truce, List<String> parties, Instant effective, Instant expires, Instant recorded) {
            this.id = id;
            this.truce = truce;
            this.parties = parties;
            this.effective = effective;
            this.expires = expires;
            this.recorded = recorded;
            if (expires != null) {
                endings.add(new Ending(expires, "EXPIRED", recorded, false));
            }
        }
    }

    /**
     * An extension of a truce's expiry (domain.md, "Extensions"): from {@code agreed} on it is due to expire at
     * {@code expires}.
     */
    record Extension(Instant agreed, Instant expires, Instant recorded) {}

    /** One way a commitment stops being in force: an explicit end, its expiry, a supersession. */
    record Ending(Instant at, String reason, Instant recorded, boolean explicit) {}

    /** A violation report: a claim, stated over the interval [earliest, latest] (a minute, an hour, a day, a week or a month). */
    static final class Report {
        final String id;
        final String by;
        final String accused;
        final Instant earliest;
        final Instant latest;
        final Instant recorded;
        final List<Finding> findings = new ArrayList<>();
        Instant retracted;

        Report(String id, String by, String accused, Instant earliest, Instant latest, Instant recorded) {
            this.id = id;
            this.by = by;
            this.accused = accused;
            this.earliest = earliest;
            this.latest = latest;
            this.recorded = recorded;
        }
    }

    record Finding(String outcome, String attributedTo, Instant recorded) {}

    record Statement(String id, Instant issued, Instant recorded) {}

    /** A round of talks of the negotiation. */
    record Talks(String id, Instant started, Instant recorded) {}

    // ---- what the ledger knew at a record time ----

    /** The facts as the ledger knew them at {@code asOf} (null: now). */
    record Known(Oracle oracle, Instant asOf) {

        boolean known(Instant recorded) {
            return asOf == null || !recorded.isAfter(asOf);
        }

        List<Commitment> commitments() {
            return oracle.commitments.values().stream()
                    .filter(c -> known(c.recorded))
                    .sorted(Comparator.comparing(c -> c.id))
                    .toList();
        }

        List<Report> reports(Commitment c) {
            return c.reports.stream().filter(r -> known(r.recorded)).toList();
        }

        boolean retracted(Report r) {
            return r.retracted != null && known(r.retracted);
        }

        /** The latest finding known, or null. */
        Finding finding(Report r) {
            Finding latest = null;
            for (Finding f : r.findings) {
                if (known(f.recorded())) {
                    latest = f;
                }
            }
            return latest;
        }

        /** A report stands unless it was retracted or its latest finding is UNFOUNDED (at any valid time). */
        boolean standing(Report r) {
            Finding f = finding(r);
            return !retracted(r) && (f == null || !f.outcome().equals("UNFOUNDED"));
        }

        /**
         * Whether a report is a claim against the signatories: its latest finding is ATTRIBUTED (which names a
         * party), or it accuses a party or {@code unknown}. Only such a report, standing, violates the commitment; a
         * standing report against a non-party is shown apart ({@code nonPartyReports}).
         */
        boolean againstParties(Commitment c, Report r) {
            Finding f = finding(r);
            if (f != null && f.outcome().equals("ATTRIBUTED")) {
                return c.parties.contains(f.attributedTo());
            }
            return r.accused.equals("unknown") || c.parties.contains(r.accused);
        }

        /** A standing report against the signatories that had happened by {@code validAt}: a violation. */
        boolean violation(Commitment c, Report r, Instant validAt) {
            return happened(r, validAt) && standing(r) && againstParties(c, r);
        }

        /**
         * The earliest end known, or null. Two ends at one instant: the explicit end, else the expiry, else the
         * supersession (domain.md, "Two ends at one instant").
         */
        Ending end(Commitment c) {
            Ending earliest = null;
            for (Ending agreed : c.endings) {
                // each extension is agreed before the expiry it moves: only the latest known expiry ends the truce
                Ending e = !agreed.explicit() && agreed.reason().equals("EXPIRED")
                        ? new Ending(expiry(c, null), "EXPIRED", agreed.recorded(), false)
                        : agreed;
                if (known(e.recorded())
                        && (earliest == null
                                || e.at().isBefore(earliest.at())
                                || e.at().equals(earliest.at()) && rank(e) < rank(earliest))) {
                    earliest = e;
                }
            }
            return earliest;
        }

        /**
         * The expiry in force at valid time {@code at} (null: the latest), as known: the agreed one, or the latest
         * of the extensions agreed by then.
         */
        Instant expiry(Commitment c, Instant at) {
            Instant expiry = c.expires;
            for (Extension x : c.extensions) {
                if (known(x.recorded())
                        && (at == null || !x.agreed().isAfter(at))
                        && x.expires().isAfter(expiry)) {
                    expiry = x.expires();
                }
            }
            return expiry;
        }

        /** Which of two ends at one instant names the reason: the lower rank. */
        private static int rank(Ending e) {
            return e.explicit() ? 0 : e.reason().equals("EXPIRED") ? 1 : 2;
        }

        /** The reason of the end that ends it. */
        String endReason(Commitment c) {
            return end(c).reason();
        }

        /** A report counts at a valid time from the latest instant of its stated time. */
        static boolean happened(Report r, Instant validAt) {
            return !r.latest.isAfter(validAt);
        }

        /** Whether the commitment existed at {@code validAt} as known: agreed by then and recorded by asOf. */
        boolean exists(Commitment c, Instant validAt) {
            return known(c.recorded) && !AGREED_AT.isAfter(validAt);
        }

        /**
         * PENDING before it takes effect, ENDED from its earliest end, VIOLATED with a standing report against the
         * signatories, else HOLDING (a standing report against a non-party alone leaves it HOLDING).
         */
        String status(Commitment c, Instant validAt) {
            Ending end = end(c);
            if (end != null && !end.at().isAfter(c.effective)) {
                return OPEN; // ended before it took effect: the contract does not say which comes first
            }
            if (validAt.isBefore(c.effective)) {
                return "PENDING";
            }
            if (end != null && !validAt.isBefore(end.at())) {
                return "ENDED";
            }
            for (Report r : reports(c)) {
                if (violation(c, r, validAt)) {
                    return "VIOLATED";
                }
            }
            return "HOLDING";
        }

        /**
         * The latest instant of the earliest standing report against the signatories, kept after the end; null when
         * none (a report against a non-party is never the first violation).
         */
        Instant firstViolation(Commitment c, Instant validAt) {
            Instant first = null;
            for (Report r : reports(c)) {
                if (violation(c, r, validAt) && (first == null || r.latest.isBefore(first))) {
                    first = r.latest;
                }
            }
            return first;
        }

        Long minutesToFirstViolation(Commitment c, Instant validAt) {
            Instant first = firstViolation(c, validAt);
            return first == null ? null : Duration.between(c.effective, first).toMinutes();
        }

        long standingReports(Commitment c, Instant validAt) {
            return reports(c).stream()
                    .filter(r -> happened(r, validAt) && standing(r))
                    .count();
        }

        long retractedReports(Commitment c, Instant validAt) {
            return reports(c).stream()
                    .filter(r -> happened(r, validAt) && retracted(r))
                    .count();
        }

        /** The violations (standing reports against the signatories) by accused, {@code unknown} included. */
        Map<String, Long> standingByAccused(Commitment c, Instant validAt) {
            Map<String, Long> byAccused = new HashMap<>();
            for (Report r : reports(c)) {
                if (violation(c, r, validAt)) {
                    byAccused.merge(r.accused, 1L, Long::sum);
                }
            }
            return byAccused;
        }

        /** The other standing reports (against a non-party, attributed to no party) by accused. */
        Map<String, Long> nonPartyReports(Commitment c, Instant validAt) {
            Map<String, Long> byAccused = new HashMap<>();
            for (Report r : reports(c)) {
                if (happened(r, validAt) && standing(r) && !againstParties(c, r)) {
                    byAccused.merge(r.accused, 1L, Long::sum);
                }
            }
            return byAccused;
        }

        /**
         * The ids of the commitments first broken within {@code hours} of taking effect, shortest first; null when
         * a commitment lies exactly on the bound or two share a time (the order, or membership, is then open).
         */
        List<String> brokenWithin(double hours, Instant validAt) {
            List<Map.Entry<String, Long>> broken = new ArrayList<>();
            for (Commitment c : commitments()) {
                if (!exists(c, validAt)) {
                    continue;
                }
                Long minutes = minutesToFirstViolation(c, validAt);
                if (minutes == null) {
                    continue;
                }
                if (minutes == hours * 60) {
                    return null;
                }
                if (minutes < hours * 60) {
                    broken.add(Map.entry(c.id, minutes));
                }
            }
            broken.sort(Map.Entry.comparingByValue());
            for (int i = 1; i < broken.size(); i++) {
                if (Objects.equals(broken.get(i).getValue(), broken.get(i - 1).getValue())) {
                    return null;
                }
            }
            return broken.stream().map(Map.Entry::getKey).toList();
        }

        /**
         * The negotiation's timeline at {@code validAt}, as (type, record id, and the violation id of an entry about
         * a report) keys with how many entries of each are certainly shown and how many more may be (a time interval
         * straddling {@code validAt}; a retraction, which has no valid time, before its record time).
         */
        Map<String, int[]> timeline(Instant validAt) {
            Map<String, int[]> keys = new HashMap<>();
            add(keys, "NegotiationOpened", oracle.negotiation, true);
            for (Commitment c : commitments()) {
                if (!known(c.recorded)) {
                    continue;
                }
                at(keys, c.truce ? "TruceAgreed" : "PledgeMade", c.id, AGREED_AT, AGREED_AT, validAt);
                at(keys, "CommitmentTookEffect", c.id, c.effective, c.effective, validAt);
                if (c.expires != null) {
                    at(keys, "CommitmentExpired", c.id, c.expires, c.expires, validAt);
                }
                for (Extension x : c.extensions) {
                    if (known(x.recorded())) {
                        at(keys, "CommitmentExtended", c.id, x.agreed(), x.agreed(), validAt);
                    }
                }
                for (Ending e : c.endings) {
                    if (!known(e.recorded()) || e.reason().equals("EXPIRED") && !e.explicit()) {
                        continue;
                    }
                    at(keys, e.explicit() ? "CommitmentEnded" : "CommitmentSuperseded", c.id, e.at(), e.at(), validAt);
                }
                for (Report r : reports(c)) {
                    // an entry about a report names it: its commitment, then the report
                    String report = c.id + " " + r.id;
                    at(keys, "ViolationReported", report, r.earliest, r.latest, validAt);
                    for (Finding f : r.findings) {
                        if (known(f.recorded())) {
                            at(keys, "ViolationAssessed", report, ASSESSED_AT, ASSESSED_AT, validAt);
                        }
                    }
                    if (retracted(r)) {
                        // no valid time of its own: certainly shown once the valid time has passed its record time
                        add(keys, "ViolationReportRetracted", report, !validAt.isBefore(r.retracted));
                    }
                }
            }
            for (Talks t : oracle.talks) {
                if (known(t.recorded())) {
                    at(keys, "TalksRecorded", t.id(), t.started(), t.started(), validAt);
                }
            }
            for (Statement s : oracle.statements) {
                if (known(s.recorded())) {
                    at(keys, "StatementIssued", s.id(), s.issued(), s.issued(), validAt);
                }
            }
            return keys;
        }

        private static void at(
                Map<String, int[]> keys,
                String type,
                String record,
                Instant earliest,
                Instant latest,
                Instant validAt) {
            if (!latest.isAfter(validAt)) {
                add(keys, type, record, true);
            } else if (!earliest.isAfter(validAt)) {
                add(keys, type, record, false);
            }
        }

        private static void add(Map<String, int[]> keys, String type, String record, boolean certain) {
            int[] counts = keys.computeIfAbsent(type + " " + record, k -> new int[2]);
            counts[certain ? 0 : 1]++;
        }
    }
}
