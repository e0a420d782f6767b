package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.view.Oracle.Commitment;
import org.negotiationledger.api.view.Oracle.Ending;
import org.negotiationledger.api.view.Oracle.Finding;
import org.negotiationledger.api.view.Oracle.Known;
import org.negotiationledger.api.view.Oracle.Report;

/**
 * The server's answers over HTTP against an independent {@link Oracle}, for generated histories of every
 * command of the contract at random cuts of both clocks: which commands are accepted, and what the views say
 * of the history as the ledger knew it at a record time ({@code asOf}) and as it stood at a valid time
 * ({@code validAt}). {@link ViewsPropertyTest} proves that the live views, a fresh fold and a rebuild agree with
 * one another; this proves that they are right. A run whose histories are mostly refused fails: it would have
 * checked little. jqwik prints the seed and the shrunk failing history.
 */
class ViewsOracleTest {

    private static final String[] ACTORS = {"a", "b", "m", "o"};
    /**
     * Whom a report accuses: a party, {@code unknown}, a registered non-party ("s", an armed group party to nothing;
     * "m" the mediator; "o" the monitor, the assessor of every finding; "b" on a pledge of "a" alone), or "x", an
     * actor never registered.
     */
    private static final String[] ACCUSED = {"a", "b", "unknown", "s", "m", "o", "x"};

    private static final String[] PRECISIONS = {"MINUTE", "HOUR", "DAY", "WEEK", "MONTH"};
    private static final String[] OUTCOMES = {"CONFIRMED", "ATTRIBUTED", "NOT_ATTRIBUTABLE", "UNFOUNDED"};
    private static final String[] END_REASONS = {"EXPIRED", "TERMINATED", "SUPERSEDED", "COLLAPSED"};
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2020-10-10T12:00+04:00");
    /** Before anything was agreed; on the first day; the second; after every finding; long after. */
    private static final Instant[] VALID_TIMES = {
        Instant.parse("2020-10-09T00:00:00Z"),
        Instant.parse("2020-10-10T08:30:00Z"),
        Instant.parse("2020-10-11T00:00:00Z"),
        Instant.parse("2020-10-21T00:00:00Z"),
        Instant.parse("2030-01-01T00:00:00Z")
    };

    private static final AtomicInteger HISTORY = new AtomicInteger();
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger EXTENDED = new AtomicInteger();
    private static LedgerInstance ledger;
    private static Http http;
    private static long seen;

    @BeforeContainer
    static void start() {
        ledger = LedgerInstance.fresh("ledger-oracle");
        http = ledger.http();
        for (String actor : ACTORS) {
            http.post(
                    "/api/v1/actors", "{\"id\": \"" + actor + "\", \"name\": \"" + actor + "\", \"kind\": \"STATE\"}");
        }
        http.post("/api/v1/actors", """
                {"id": "s", "name": "an armed group", "kind": "NON_STATE_ARMED_GROUP"}""");
        seen = newEvents().isEmpty() ? 0 : lastIndex;
    }

    @AfterContainer
    static void countWhatWasChecked() {
        try {
            int accepted = ACCEPTED.get();
            int refused = REFUSED.get();
            System.out.printf(
                    "ViewsOracleTest: %d histories, %d commands accepted (%d extensions), %d refused%n",
                    HISTORY.get(), accepted, EXTENDED.get(), refused);
            assertThat(accepted)
                    .as(
                            "commands accepted (%d) against refused (%d): a run of mostly refused histories checks little",
                            accepted, refused)
                    .isGreaterThan(refused);
        } finally {
            ledger.close();
        }
    }

    enum Action {
        AGREE_TRUCE,
        MAKE_PLEDGE,
        REPORT_VIOLATION,
        ASSESS_VIOLATION,
        RETRACT_REPORT,
        END_COMMITMENT,
        EXTEND_COMMITMENT,
        ISSUE_STATEMENT,
        RECORD_TALKS
    }

    /** Reports twice as often as the rest: they are what the views are about. */
    private static final Action[] WEIGHTED = {
        Action.AGREE_TRUCE,
        Action.MAKE_PLEDGE,
        Action.REPORT_VIOLATION,
        Action.REPORT_VIOLATION,
        Action.ASSESS_VIOLATION,
        Action.RETRACT_REPORT,
        Action.END_COMMITMENT,
        Action.EXTEND_COMMITMENT,
        Action.ISSUE_STATEMENT,
        Action.RECORD_TALKS
    };

    /**
     * One step: indexes pick among the commitments and reports made so far, {@code minutes} a valid time from
     * noon of 10 October 2020 (+04:00), {@code option} among the action's choices.
     */
    record Step(
            Action action, int target, int report, int actor, int accused, int minutes, int precision, int option) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, WEIGHTED.length - 1).map(i -> WEIGHTED[i]),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, ACCUSED.length - 1),
                        Arbitraries.integers().between(-60, 2000),
                        Arbitraries.integers().between(0, PRECISIONS.length - 1),
                        Arbitraries.integers().between(0, 3))
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(14);
    }

    // 60 histories: each of three rules broken on purpose was caught within 31 (see the session note of issue 34)
    @Property(tries = 60)
    void theServerAnswersAsTheOracleSays(
            @ForAll("histories") List<Step> steps,
            @ForAll @IntRange(min = 0, max = 10_000) int cut,
            @ForAll @IntRange(min = -120, max = 2200) int validMinutes) {
        String negotiation = "o" + HISTORY.incrementAndGet();
        assertThat(http.post("/api/v1/negotiations", """
                        {"id": "%s", "title": "t", "parties": ["a", "b"], "mediators": ["m"]}""".formatted(negotiation)).status())
                .isEqualTo(201);
        List<JsonNode> opening = newEvents();
        Oracle oracle = new Oracle(negotiation, recordedAt(opening.get(0)));
        List<Instant> recordTimes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            post(oracle, i, steps.get(i), recordTimes);
        }
        ViewsCaughtUp.await(http);

        Instant validAt = NOON.plusMinutes(validMinutes).toInstant();
        List<Instant> validTimes = new ArrayList<>(List.of(VALID_TIMES));
        validTimes.add(validAt);
        Instant asOf = recordTimes.isEmpty() ? null : recordTimes.get(cut % recordTimes.size());
        for (Instant at : validTimes) {
            assertViews(new Known(oracle, null), at);
            if (asOf != null) {
                assertViews(new Known(oracle, asOf), at);
            }
        }
    }

    // ---- the commands, and whether the contract accepts them ----

    /** What the contract says of a command: it must be accepted, must be refused, or does not say. */
    private enum Verdict {
        ACCEPT,
        REFUSE,
        OPEN
    }

    private static void post(Oracle oracle, int i, Step s, List<Instant> recordTimes) {
        Known now = new Known(oracle, null);
        List<Commitment> commitments = now.commitments();
        Action action = s.action();
        if (commitments.isEmpty()
                && action != Action.MAKE_PLEDGE
                && action != Action.ISSUE_STATEMENT
                && action != Action.RECORD_TALKS) {
            action = Action.AGREE_TRUCE; // nothing to act on yet
        }
        Commitment target = commitments.isEmpty() ? null : commitments.get(s.target() % commitments.size());
        if ((action == Action.ASSESS_VIOLATION || action == Action.RETRACT_REPORT) && target.reports.isEmpty()) {
            action = Action.REPORT_VIOLATION; // nothing to assess or retract yet
        }
        Report report = target == null || target.reports.isEmpty()
                ? null
                : target.reports.get(s.report() % target.reports.size());
        OffsetDateTime time = NOON.plusMinutes(s.minutes());
        String actor = ACTORS[s.actor()];
        switch (action) {
            case AGREE_TRUCE -> agree(oracle, i, s, time, target, recordTimes);
            case MAKE_PLEDGE -> {
                String id = oracle.negotiation + "-p" + i;
                List<String> parties = s.option() % 2 == 0 ? List.of("a") : List.of("a", "b");
                String body = """
                        {"id": "%s", "negotiationId": "%s", "kind": "OTHER", "title": "pledge %d",
                         "parties": %s, "madeAt": "2020-10-10T03:00+04:00", "effectiveFrom": "%s"}""".formatted(id, oracle.negotiation, i, json(parties), time);
                List<JsonNode> events = answered("/api/v1/pledges", body, Verdict.ACCEPT, 1, recordTimes);
                if (events != null) {
                    oracle.commitments.put(
                            id, new Commitment(id, false, parties, time.toInstant(), null, recordedAt(events.get(0))));
                }
            }
            case REPORT_VIOLATION -> {
                String accused = ACCUSED[s.accused()];
                String precision = PRECISIONS[s.precision()];
                // A week or a month is posted at the time itself, not its start: the server finds the interval.
                OffsetDateTime stated = precision.equals("DAY")
                        ? time.withHour(0).withMinute(0)
                        : precision.equals("HOUR") ? time.withMinute(0) : time;
                // domain.md: the whole hour, day, ISO week (Monday to Sunday) or calendar month, in local time
                OffsetDateTime start = switch (precision) {
                    case "WEEK" ->
                        time.withHour(0)
                                .withMinute(0)
                                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                    case "MONTH" -> time.withDayOfMonth(1).withHour(0).withMinute(0);
                    default -> stated;
                };
                Instant earliest = start.toInstant();
                Instant latest = switch (precision) {
                    case "DAY" -> start.plusDays(1).minusMinutes(1).toInstant();
                    case "HOUR" -> start.plusHours(1).minusMinutes(1).toInstant();
                    case "WEEK" -> start.plusWeeks(1).minusMinutes(1).toInstant();
                    case "MONTH" -> start.plusMonths(1).minusMinutes(1).toInstant();
                    default -> earliest;
                };
                // domain.md: a range, occurredAt to occurredUntil (to the minute here), is the interval from the
                // earliest instant of the one to the latest of the other; one that ends before it begins is refused
                OffsetDateTime until = switch (s.option()) {
                    case 1 -> time.plusHours(3);
                    case 2 -> time.plusDays(2);
                    case 3 -> time.minusDays(40);
                    default -> null;
                };
                Instant rangeEnd = until == null ? latest : until.toInstant();
                Verdict verdict;
                Ending end = now.end(target);
                if (accused.equals("x") || accused.equals(actor)) {
                    verdict = Verdict.REFUSE; // the accused is a party, unknown or a known actor, never the reporter
                } else if (rangeEnd.isBefore(earliest)) {
                    verdict = Verdict.REFUSE; // a range cannot end before it begins
                } else if (rangeEnd.isBefore(target.effective)) {
                    verdict = Verdict.REFUSE; // a violation cannot precede the commitment
                } else if (end != null && earliest.isAfter(end.at())) {
                    verdict = Verdict.REFUSE; // the commitment had ended before it occurred
                } else {
                    // at the very instant of the end too: the breach that ended it
                    verdict = Verdict.ACCEPT;
                }
                String id = "r" + i;
                String range = until == null ? "" : ", \"occurredUntil\": \"" + until + "\"";
                String body = """
                        {"id": "%s", "reportedBy": "%s", "accused": "%s", "occurredAt": "%s", "occurredAtPrecision": "%s"%s}""".formatted(id, actor, accused, stated, precision, range);
                List<JsonNode> events =
                        answered("/api/v1/commitments/" + target.id + "/violations", body, verdict, 1, recordTimes);
                if (events != null) {
                    target.reports.add(new Report(id, actor, accused, earliest, rangeEnd, recordedAt(events.get(0))));
                }
            }
            case ASSESS_VIOLATION -> {
                String outcome = OUTCOMES[s.option()];
                String attributedTo = ACCUSED[s.accused()].equals("s") ? "s" : ACTORS[s.accused() % 2];
                Verdict verdict;
                if (now.retracted(report)) {
                    verdict = Verdict.REFUSE; // a retracted report is not assessed
                } else if (report.by.equals("o") || report.accused.equals("o")) {
                    verdict = Verdict.REFUSE; // an assessor has no stake: not the reporter, nor the accused
                } else if (outcome.equals("ATTRIBUTED") && !target.parties.contains(attributedTo)) {
                    verdict = Verdict.REFUSE; // attributed to a party of the commitment
                } else {
                    verdict = Verdict.ACCEPT;
                }
                String body = """
                        {"outcome": "%s"%s, "assessedBy": "o", "assessedAt": "2020-10-20T00:00+04:00"}""".formatted(
                        outcome, outcome.equals("ATTRIBUTED") ? ", \"attributedTo\": \"" + attributedTo + "\"" : "");
                List<JsonNode> events = answered(
                        "/api/v1/commitments/" + target.id + "/violations/" + report.id + "/assessment",
                        body,
                        verdict,
                        1,
                        recordTimes);
                if (events != null) {
                    report.findings.add(new Finding(
                            outcome, outcome.equals("ATTRIBUTED") ? attributedTo : null, recordedAt(events.get(0))));
                }
            }
            case RETRACT_REPORT -> {
                Verdict verdict = now.retracted(report)
                        ? Verdict.REFUSE // retracted once
                        : actor.equals(report.accused)
                                ? Verdict.REFUSE // never by the accused, even the mediator
                                : actor.equals(report.by) || actor.equals("m")
                                        ? Verdict.ACCEPT // the reporter, or the mediator (no truce has brokers)
                                        : Verdict.REFUSE;
                List<JsonNode> events = answered(
                        "/api/v1/commitments/" + target.id + "/violations/" + report.id + "/retraction",
                        "{\"retractedBy\": \"" + actor + "\", \"reason\": \"withdrawn\"}",
                        verdict,
                        1,
                        recordTimes);
                if (events != null) {
                    report.retracted = recordedAt(events.get(0));
                }
            }
            case END_COMMITMENT -> {
                String reason = END_REASONS[s.option()];
                boolean endedExplicitly =
                        target.endings.stream().anyMatch(e -> e.explicit() && now.known(e.recorded()));
                Verdict verdict = endedExplicitly
                        ? Verdict.REFUSE // a commitment ends once
                        : now.end(target) != null ? Verdict.OPEN : Verdict.ACCEPT;
                List<JsonNode> events = answered(
                        "/api/v1/commitments/" + target.id + "/end",
                        "{\"reason\": \"" + reason + "\", \"endedAt\": \"" + time + "\"}",
                        verdict,
                        1,
                        recordTimes);
                if (events != null) {
                    target.endings.add(new Ending(time.toInstant(), reason, recordedAt(events.get(0)), true));
                }
            }
            case EXTEND_COMMITMENT -> {
                // an extension of a truce with an expiry, if there is one (else one is agreed): an extension of
                // anything else is refused whatever else it says, and would check little
                List<Commitment> expiring =
                        commitments.stream().filter(c -> c.expires != null).toList();
                if (expiring.isEmpty() || s.precision() == 0) {
                    Step other = new Step(
                            Action.EXTEND_COMMITMENT,
                            s.target(),
                            s.report(),
                            s.actor(),
                            s.accused(),
                            s.minutes(),
                            s.precision(),
                            s.precision() == 0 ? s.option() : 3);
                    if (expiring.isEmpty()) {
                        agree(oracle, i, other, time, target, recordTimes);
                    } else {
                        extend(now, target, s, time, recordTimes); // whatever the target is (a pledge: refused)
                    }
                } else {
                    Commitment truce = expiring.get(s.target() % expiring.size());
                    extend(now, truce, s, NOON.plusMinutes(s.minutes() % 1440), recordTimes);
                }
            }
            case RECORD_TALKS -> {
                // option: an end two hours after the start; an end before the start; a participant named twice;
                // a party and a mediator
                String id = oracle.negotiation + "-t" + i;
                String ended = s.option() == 0
                        ? ", \"endedAt\": \"" + time.plusHours(2) + "\""
                        : s.option() == 1 ? ", \"endedAt\": \"" + time.minusHours(1) + "\"" : "";
                String participants = s.option() == 2
                        ? "[{\"actor\": \"a\", \"role\": \"PARTY\"}, {\"actor\": \"a\", \"role\": \"OBSERVER\"}]"
                        : "[{\"actor\": \"a\", \"role\": \"PARTY\"}, {\"actor\": \"m\", \"role\": \"MEDIATOR\"}]";
                Verdict verdict = s.option() == 1 || s.option() == 2
                        ? Verdict.REFUSE // an end not before the start; participants distinct
                        : Verdict.ACCEPT;
                List<JsonNode> events = answered(
                        "/api/v1/negotiations/" + oracle.negotiation + "/talks",
                        "{\"id\": \"" + id + "\", \"venue\": \"Geneva\", \"startedAt\": \"" + time + "\"" + ended
                                + ", \"participants\": " + participants + "}",
                        verdict,
                        1,
                        recordTimes);
                if (events != null) {
                    oracle.talks.add(new Oracle.Talks(id, time.toInstant(), recordedAt(events.get(0))));
                }
            }
            case ISSUE_STATEMENT -> {
                String id = oracle.negotiation + "-s" + i;
                String concerns = target == null ? oracle.negotiation : target.id;
                List<JsonNode> events = answered(
                        "/api/v1/statements", """
                        {"id": "%s", "author": "m", "issuedAt": "%s", "kinds": ["CALL"], "text": "calm",
                         "concerns": ["%s"]}""".formatted(id, time, concerns), Verdict.ACCEPT, 1, recordTimes);
                if (events != null) {
                    oracle.statements.add(new Oracle.Statement(id, time.toInstant(), recordedAt(events.get(0))));
                }
            }
        }
    }

    /**
     * An extension agreed at {@code time}, by option: one, two or zero hours past the latest expiry (zero: not
     * later, refused), or agreed by the mediator, who is no broker of the generated truces (refused). Refused too,
     * as domain.md says: a commitment without expiry, and one whose end of force (an explicit end, a supersession,
     * the expiry in force then) had come by the agreed time.
     */
    private static void extend(Known now, Commitment target, Step s, OffsetDateTime time, List<Instant> recordTimes) {
        Instant agreed = time.toInstant();
        Instant latest = target.expires == null ? null : now.expiry(target, null);
        Instant expires = (latest == null ? Instant.parse("2020-10-12T08:00:00Z") : latest)
                .plusSeconds(3600L * (s.option() == 2 ? 0 : s.option() + 1));
        String agreedBy = s.option() == 3 ? "m" : "a";
        Verdict verdict;
        if (latest == null || s.option() == 2 || s.option() == 3) {
            verdict = Verdict.REFUSE;
        } else {
            Instant inForce = now.expiry(target, agreed);
            boolean ended = !agreed.isBefore(inForce)
                    || target.endings.stream()
                            .anyMatch(e -> (e.explicit() || e.reason().equals("SUPERSEDED"))
                                    && now.known(e.recorded())
                                    && !agreed.isBefore(e.at()));
            verdict = ended ? Verdict.REFUSE : Verdict.ACCEPT;
        }
        List<JsonNode> events = answered(
                "/api/v1/commitments/" + target.id + "/extension",
                "{\"expiresAt\": \"" + OffsetDateTime.ofInstant(expires, java.time.ZoneOffset.ofHours(4))
                        + "\", \"agreedAt\": \"" + time + "\", \"agreedBy\": [\"" + agreedBy + "\"]}",
                verdict,
                1,
                recordTimes);
        if (events != null) {
            target.extensions.add(new Oracle.Extension(agreed, expires, recordedAt(events.get(0))));
            EXTENDED.incrementAndGet();
        }
    }

    /** A truce: none, renewing, superseding or expiring, by {@code option}. */
    private static void agree(
            Oracle oracle, int i, Step s, OffsetDateTime time, Commitment target, List<Instant> recordTimes) {
        String id = oracle.negotiation + "-c" + i;
        Instant expires = s.option() == 3 ? Instant.parse("2020-10-11T08:00:00Z") : null;
        Commitment superseded = s.option() == 2 ? target : null;
        String more = s.option() == 1 && target != null
                ? ", \"renews\": \"" + target.id + "\""
                : superseded != null
                        ? ", \"supersedes\": [\"" + superseded.id + "\"]"
                        : expires != null ? ", \"expiresAt\": \"2020-10-11T12:00+04:00\"" : "";
        Verdict verdict;
        if (expires != null && !expires.isAfter(time.toInstant())) {
            verdict = Verdict.REFUSE; // expires after it takes effect
        } else if (superseded != null
                && (new Known(oracle, null).end(superseded) != null
                        || !time.toInstant().isAfter(superseded.effective))) {
            verdict = Verdict.OPEN; // superseding what has ended, or before it took effect: not said
        } else {
            verdict = Verdict.ACCEPT;
        }
        String body = """
                {"id": "%s", "negotiationId": "%s", "kind": "CEASEFIRE", "title": "truce %d",
                 "parties": ["a", "b"], "agreedAt": "2020-10-10T03:00+04:00", "effectiveFrom": "%s"%s}""".formatted(id, oracle.negotiation, i, time, more);
        List<JsonNode> events = answered("/api/v1/truces", body, verdict, superseded == null ? 1 : 2, recordTimes);
        if (events != null) {
            Instant recorded = recordedAt(events.get(0));
            oracle.commitments.put(
                    id, new Commitment(id, true, List.of("a", "b"), time.toInstant(), expires, recorded));
            if (superseded != null) {
                JsonNode supersession = events.stream()
                        .filter(e -> e.get("type").asText().equals("CommitmentSuperseded"))
                        .findFirst()
                        .orElseThrow();
                superseded.endings.add(new Ending(time.toInstant(), "SUPERSEDED", recordedAt(supersession), false));
            }
        }
    }

    /**
     * Posts the command and checks its answer against the verdict and the events it recorded: {@code events} of
     * them when accepted, none when refused. The events, or null when it was refused.
     */
    private static List<JsonNode> answered(
            String path, String body, Verdict verdict, int events, List<Instant> recordTimes) {
        Http.Response response = http.post(path, body);
        List<JsonNode> recorded = newEvents();
        boolean accepted = response.status() == 201;
        (accepted ? ACCEPTED : REFUSED).incrementAndGet();
        if (verdict != Verdict.OPEN) {
            assertThat(accepted)
                    .as("POST %s %s answered %s, the contract says %s", path, body, response, verdict)
                    .isEqualTo(verdict == Verdict.ACCEPT);
        }
        if (!accepted) {
            assertThat(response.status()).as(response.text()).isIn(409, 422);
            assertThat(recorded).as("events recorded by a refused command").isEmpty();
            return null;
        }
        assertThat(recorded).as("events recorded by POST %s", path).hasSize(events);
        recorded.forEach(e -> recordTimes.add(recordedAt(e)));
        return recorded;
    }

    private static long lastIndex;

    /** The events recorded since the last call, from the audit history (the record-time clock of the store). */
    private static List<JsonNode> newEvents() {
        List<JsonNode> events = new ArrayList<>();
        http.get("/api/v1/audit/events?limit=10000&fromIndex=" + (seen + 1))
                .json()
                .forEach(events::add);
        if (!events.isEmpty()) {
            lastIndex = events.get(events.size() - 1).get("globalIndex").asLong();
            seen = lastIndex;
        }
        return events;
    }

    private static Instant recordedAt(JsonNode event) {
        return Instant.parse(event.get("recordedAt").asText());
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    // ---- the views against the oracle ----

    private static void assertViews(Known known, Instant validAt) {
        String negotiation = known.oracle().negotiation;
        String query = "validAt=" + validAt + (known.asOf() == null ? "" : "&asOf=" + known.asOf());
        String where = " at " + validAt + (known.asOf() == null ? "" : " as of " + known.asOf());

        Map<String, JsonNode> listed = new HashMap<>();
        http.get("/api/v1/commitments?negotiationId=" + negotiation + "&" + query)
                .json()
                .forEach(c -> listed.put(c.get("id").asText(), c));
        Set<String> expected = new HashSet<>();
        for (Commitment c : known.commitments()) {
            if (known.exists(c, validAt)) {
                expected.add(c.id);
            }
        }
        assertThat(listed.keySet())
                .as("commitments of %s%s", negotiation, where)
                .isEqualTo(expected);

        for (Commitment c : known.commitments()) {
            if (!expected.contains(c.id)) {
                continue;
            }
            JsonNode view =
                    http.get("/api/v1/commitments/" + c.id + "?" + query).json();
            assertThat(view).as("the list and the record of %s%s", c.id, where).isEqualTo(listed.get(c.id));
            String status = known.status(c, validAt);
            if (status != Oracle.OPEN) {
                assertThat(view.get("status").asText())
                        .as("status of %s%s", c.id, where)
                        .isEqualTo(status);
                if (status.equals("ENDED")) {
                    assertThat(view.get("endedReason").asText())
                            .as("why %s ended%s", c.id, where)
                            .isEqualTo(known.endReason(c));
                }
            }
            Instant first = known.firstViolation(c, validAt);
            assertThat(text(view, "firstViolationAtUtc"))
                    .as("first violation of %s%s", c.id, where)
                    .isEqualTo(first == null ? null : first.toString());
            Long minutes = known.minutesToFirstViolation(c, validAt);
            assertThat(
                            view.get("minutesToFirstViolation").isNull()
                                    ? null
                                    : view.get("minutesToFirstViolation").asLong())
                    .as("minutes to the first violation of %s%s", c.id, where)
                    .isEqualTo(minutes);
            JsonNode reports = view.get("reports");
            assertThat(reports.get("standing").asLong())
                    .as("standing reports on %s%s", c.id, where)
                    .isEqualTo(known.standingReports(c, validAt));
            assertThat(reports.get("retracted").asLong())
                    .as("retracted reports on %s%s", c.id, where)
                    .isEqualTo(known.retractedReports(c, validAt));
            assertThat(counts(view.get("standingReportsByAccused")))
                    .as("standing reports against the parties (or unknown) on %s%s", c.id, where)
                    .isEqualTo(known.standingByAccused(c, validAt));
            assertThat(counts(view.get("nonPartyReports")))
                    .as("standing reports against non-parties on %s%s", c.id, where)
                    .isEqualTo(known.nonPartyReports(c, validAt));
        }

        List<String> broken = known.brokenWithin(24, validAt);
        if (broken != null) {
            List<String> answered = new ArrayList<>();
            http.get("/api/v1/commitments/broken?withinHours=24&negotiationId=" + negotiation + "&" + query)
                    .json()
                    .forEach(b -> answered.add(b.get("commitmentId").asText()));
            assertThat(answered)
                    .as("broken within 24 hours in %s%s", negotiation, where)
                    .isEqualTo(broken);
        }

        Map<String, int[]> timeline = known.timeline(validAt);
        Map<String, Integer> shown = new HashMap<>();
        http.get("/api/v1/negotiations/" + negotiation + "/timeline?" + query)
                .json()
                .forEach(e -> shown.merge(
                        e.get("type").asText() + " " + e.get("recordId").asText()
                                + (e.get("violationId").isNull()
                                        ? ""
                                        : " " + e.get("violationId").asText()),
                        1,
                        Integer::sum));
        for (Map.Entry<String, Integer> entry : shown.entrySet()) {
            assertThat(timeline)
                    .as("timeline of %s%s has %s", negotiation, where, entry.getKey())
                    .containsKey(entry.getKey());
        }
        for (Map.Entry<String, int[]> entry : timeline.entrySet()) {
            int count = shown.getOrDefault(entry.getKey(), 0);
            assertThat(count)
                    .as("entries %s on the timeline of %s%s", entry.getKey(), negotiation, where)
                    .isBetween(entry.getValue()[0], entry.getValue()[0] + entry.getValue()[1]);
        }

        for (String party : List.of("a", "b", "s")) {
            JsonNode record =
                    http.get("/api/v1/actors/" + party + "/record?" + query).json();
            Map<String, String> statuses = new HashMap<>();
            record.get("commitments").forEach(c -> {
                if (known.oracle().commitments.containsKey(c.get("commitmentId").asText())) {
                    statuses.put(c.get("commitmentId").asText(), c.get("status").asText());
                }
            });
            Map<String, String> expectedStatuses = new HashMap<>();
            Set<String> against = new HashSet<>();
            Set<String> filed = new HashSet<>();
            for (Commitment c : known.commitments()) {
                if (!known.exists(c, validAt)) {
                    continue;
                }
                if (c.parties.contains(party)) {
                    expectedStatuses.put(c.id, known.status(c, validAt));
                }
                for (Report r : known.reports(c)) {
                    if (Known.happened(r, validAt)) {
                        if (r.accused.equals(party)) {
                            against.add(c.id + "/" + r.id + "/" + known.standing(r));
                        }
                        if (r.by.equals(party)) {
                            filed.add(c.id + "/" + r.id);
                        }
                    }
                }
            }
            assertThat(statuses.keySet())
                    .as("commitments of %s in %s%s", party, negotiation, where)
                    .isEqualTo(expectedStatuses.keySet());
            expectedStatuses.forEach((id, status) -> {
                if (status != Oracle.OPEN) {
                    assertThat(statuses.get(id))
                            .as("%s's commitment %s%s", party, id, where)
                            .isEqualTo(status);
                }
            });
            assertThat(reports(record.get("reportsAgainst"), known, true))
                    .as("reports against %s in %s%s", party, negotiation, where)
                    .isEqualTo(against);
            assertThat(reports(record.get("reportsFiled"), known, false))
                    .as("reports filed by %s in %s%s", party, negotiation, where)
                    .isEqualTo(filed);
        }
    }

    private static Set<String> reports(JsonNode list, Known known, boolean withStanding) {
        Set<String> keys = new HashSet<>();
        list.forEach(r -> {
            String commitment = r.get("commitmentId").asText();
            if (known.oracle().commitments.containsKey(commitment)) {
                keys.add(commitment + "/" + r.get("violationId").asText()
                        + (withStanding ? "/" + r.get("standing").asBoolean() : ""));
            }
        });
        return keys;
    }

    /** A JSON object of counts as a map. */
    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new HashMap<>();
        object.fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
