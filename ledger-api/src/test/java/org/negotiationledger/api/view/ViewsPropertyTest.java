package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.view.ViewResponses.CommitmentResponse;
import org.negotiationledger.api.view.ViewResponses.TimelineEntryResponse;
import org.negotiationledger.projections.fold.BrokenCommitment;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentView;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.fold.Fact;
import org.negotiationledger.projections.fold.InMemoryViews;
import org.negotiationledger.projections.fold.TimelineEntry;

/**
 * For generated command histories, posted over HTTP (refused commands simply record nothing): the live views
 * equal a fresh fold of the stored events, at several valid times, and still do after a rebuild (one at the end,
 * and one in the middle of every twentieth history, switching generations while commands go on).
 */
class ViewsPropertyTest {

    private static final String[] VALID_TIMES = {"2020-10-10T12:30%2B04:00", "2020-10-12T00:00Z", "2030-01-01T00:00Z"};
    private static final AtomicInteger HISTORY = new AtomicInteger();
    private static LedgerInstance ledger;
    private static Http http;
    private static ObjectMapper json;

    @BeforeContainer
    static void start() {
        ledger = LedgerInstance.fresh("ledger-property");
        http = ledger.http();
        json = ledger.bean(ObjectMapper.class);
        for (String actor : new String[] {"a", "b", "m", "o"}) {
            http.post(
                    "/api/v1/actors", "{\"id\": \"" + actor + "\", \"name\": \"" + actor + "\", \"kind\": \"STATE\"}");
        }
    }

    @AfterContainer
    static void stop() {
        ledger.close();
    }

    /** What a step of a history does: a command of the contract. */
    enum Action {
        AGREE_TRUCE,
        REPORT_VIOLATION,
        ASSESS_VIOLATION,
        RETRACT_REPORT,
        END_COMMITMENT,
        EXTEND_COMMITMENT,
        ISSUE_STATEMENT
    }

    /** Truces and reports twice as often as the rest: they are what the other steps act on. */
    private static final Action[] WEIGHTED = {
        Action.AGREE_TRUCE,
        Action.AGREE_TRUCE,
        Action.REPORT_VIOLATION,
        Action.REPORT_VIOLATION,
        Action.ASSESS_VIOLATION,
        Action.RETRACT_REPORT,
        Action.END_COMMITMENT,
        Action.EXTEND_COMMITMENT,
        Action.ISSUE_STATEMENT
    };

    /**
     * One step of a history; indexes pick among the commitments and reports made so far, and {@code option} among
     * the choices of the action (a truce's renewal, supersession or expiry; an assessment's outcome; an end's reason).
     */
    record Step(
            Action action, int target, int report, int actor, int accused, int minutes, int precision, int option) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 7).map(i -> WEIGHTED[i]),
                                Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 6),
                                Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 4),
                                Arbitraries.integers().between(-60, 2000),
                        Arbitraries.integers().between(0, 4),
                                Arbitraries.integers().between(0, 3))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 200)
    void liveViewsEqualAFreshFoldOfTheStoredEvents(
            @ForAll("histories") List<Step> steps,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 10_000) int cut) {
        String negotiation = "n" + HISTORY.incrementAndGet();
        long firstOfHistory = head() + 1;
        http.post(
                "/api/v1/negotiations",
                "{\"id\": \"" + negotiation
                        + "\", \"title\": \"t\", \"parties\": [\"a\", \"b\"], \"mediators\": [\"m\"]}");
        List<String> commitments = new ArrayList<>();
        List<List<String>> reports = new ArrayList<>();
        // Every twentieth history asks for a rebuild halfway and goes on while it runs: the views switch to a new
        // generation in the middle of it.
        boolean rebuilt = HISTORY.get() % 20 == 0;
        int generation =
                http.get("/api/v1/admin/replays/all").json().get("generation").asInt();
        for (int i = 0; i < steps.size(); i++) {
            if (rebuilt && i == steps.size() / 2) {
                assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            }
            post(negotiation, i, steps.get(i), commitments, reports);
        }
        ViewsCaughtUp.await(http);
        if (rebuilt) {
            assertThat(http.get("/api/v1/admin/replays/all")
                            .json()
                            .get("generation")
                            .asInt())
                    .isGreaterThan(generation);
        }
        List<Fact> stored = storedFacts();
        assertViewsEqualFreshFold(List.of(negotiation), stored, null);

        // As of a record time within this history: the views equal a fold of exactly the events recorded by then.
        List<Fact> ofHistory =
                stored.stream().filter(f -> f.globalIndex() >= firstOfHistory).toList();
        java.time.Instant asOf = ofHistory.get(cut % ofHistory.size()).recordedAt();
        assertViewsEqualFreshFold(
                List.of(negotiation),
                stored.stream().filter(f -> !f.recordedAt().isAfter(asOf)).toList(),
                asOf.toString());
    }

    private static long head() {
        Long head = ledger.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    @AfterProperty
    void rebuiltViewsEqualAFreshFold() {
        assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
        ViewsCaughtUp.await(http);
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= HISTORY.get(); n++) {
            all.add("n" + n);
        }
        assertViewsEqualFreshFold(all, storedFacts(), null);

        // Every event delivered once more, through the live projection's own store: nothing changes.
        var jdbc = ledger.bean(org.springframework.jdbc.core.JdbcTemplate.class);
        ledger.bean(org.springframework.transaction.support.TransactionTemplate.class)
                .executeWithoutResult(tx -> {
                    org.negotiationledger.projections.tables.JdbcViewStore store =
                            org.negotiationledger.projections.tables.JdbcViewStore.serving(jdbc);
                    storedFacts().forEach(store::fold);
                    store.flush();
                });
        assertViewsEqualFreshFold(all, storedFacts(), null);
    }

    private static void post(String negotiation, int i, Step s, List<String> commitments, List<List<String>> reports) {
        String[] actors = {"a", "b", "m", "o"};
        // "m" and "o" are registered but party to no truce: a report against them is one against a non-party
        String[] accused = {"a", "b", "unknown", "m", "o"};
        String[] precisions = {"MINUTE", "HOUR", "DAY", "WEEK", "MONTH"};
        String time = java.time.OffsetDateTime.parse("2020-10-10T12:00+04:00")
                .plusMinutes(s.minutes())
                .toString();
        String target = commitments.isEmpty() ? "none" : commitments.get(s.target() % commitments.size());
        List<String> targetReports = commitments.isEmpty() ? List.of() : reports.get(s.target() % commitments.size());
        String report = targetReports.isEmpty() ? "none" : targetReports.get(s.report() % targetReports.size());
        switch (s.action()) {
            case AGREE_TRUCE -> {
                String id = negotiation + "-c" + i;
                String renews = s.option() == 1 && !commitments.isEmpty() ? ", \"renews\": \"" + target + "\"" : "";
                String supersedes =
                        s.option() == 2 && !commitments.isEmpty() ? ", \"supersedes\": [\"" + target + "\"]" : "";
                String expires = s.option() == 3 ? ", \"expiresAt\": \"2020-10-11T12:00+04:00\"" : "";
                String body = """
                        {"id": "%s", "negotiationId": "%s", "kind": "CEASEFIRE", "title": "truce %d",
                         "parties": ["a", "b"], "agreedAt": "2020-10-10T03:00+04:00", "effectiveFrom": "%s"%s%s%s}""".formatted(id, negotiation, i, time, renews, supersedes, expires);
                if (http.post("/api/v1/truces", body).status() == 201) {
                    commitments.add(id);
                    reports.add(new ArrayList<>());
                }
            }
            case REPORT_VIOLATION -> {
                String id = "r" + i;
                String body =
                        """
                        {"id": "%s", "reportedBy": "%s", "accused": "%s", "occurredAt": "%s", "occurredAtPrecision": "%s"}""".formatted(id, actors[s.actor()], accused[s.accused()], time, precisions[s.precision()]);
                if (http.post("/api/v1/commitments/" + target + "/violations", body)
                                .status()
                        == 201) {
                    reports.get(commitments.indexOf(target)).add(id);
                }
            }
            case ASSESS_VIOLATION -> {
                String outcome = new String[] {"CONFIRMED", "ATTRIBUTED", "NOT_ATTRIBUTABLE", "UNFOUNDED"}[s.option()];
                String attributed = s.option() == 1 ? ", \"attributedTo\": \"" + actors[s.accused() % 2] + "\"" : "";
                http.post("/api/v1/commitments/" + target + "/violations/" + report + "/assessment", """
                        {"outcome": "%s"%s, "assessedBy": "o", "assessedAt": "2020-10-20T00:00+04:00"}""".formatted(
                                outcome, attributed));
            }
            case RETRACT_REPORT ->
                http.post("/api/v1/commitments/" + target + "/violations/" + report + "/retraction", """
                        {"retractedBy": "%s", "reason": "withdrawn"}""".formatted(
                                actors[s.actor()]));
            case END_COMMITMENT -> {
                String reason = new String[] {"EXPIRED", "TERMINATED", "SUPERSEDED", "COLLAPSED"}[s.option()];
                http.post("/api/v1/commitments/" + target + "/end", """
                        {"reason": "%s", "endedAt": "%s"}""".formatted(reason, time));
            }
            case EXTEND_COMMITMENT -> {
                // agreed at the step's time, to noon of the 12th to 15th: accepted for a truce expiring then, in force
                String expires = "2020-10-1" + (2 + s.option()) + "T12:00+04:00";
                http.post("/api/v1/commitments/" + target + "/extension", """
                        {"expiresAt": "%s", "agreedAt": "%s", "agreedBy": ["a"]}""".formatted(expires, time));
            }
            case ISSUE_STATEMENT ->
                http.post("/api/v1/statements", """
                        {"id": "%s-s%d", "author": "m", "issuedAt": "%s", "kinds": ["CALL"], "text": "calm",
                         "concerns": ["%s"]}""".formatted(
                                negotiation, i, time, commitments.isEmpty() ? negotiation : target));
        }
    }

    /** Compares the live views (as of {@code asOf}, when given) with a fresh fold of {@code facts}. */
    private static void assertViewsEqualFreshFold(List<String> negotiations, List<Fact> facts, String asOf) {
        InMemoryViews fresh = InMemoryViews.fold(facts);
        String cut = asOf == null ? "" : "&asOf=" + asOf;
        for (String validAt : VALID_TIMES) {
            java.time.Instant at =
                    java.time.OffsetDateTime.parse(validAt.replace("%2B", "+")).toInstant();
            for (String negotiation : negotiations) {
                List<CommitmentView> expected = fresh.commitments().values().stream()
                        .filter(c -> c.agreement().negotiationId().equals(negotiation))
                        .sorted(Comparator.comparing((CommitmentState c) ->
                                        c.agreement().effectiveFrom().utc())
                                .thenComparing(CommitmentState::id))
                        .map(c -> CommitmentViews.at(c, at))
                        .flatMap(Optional::stream)
                        .toList();
                // Both sides through the server's one mapping from a view to its answer.
                assertThat(http.get("/api/v1/commitments?negotiationId=" + negotiation + "&validAt=" + validAt + cut)
                                .json())
                        .as("commitments of %s at %s", negotiation, validAt)
                        .isEqualTo(asClientSees(
                                expected.stream().map(CommitmentResponse::of).toList()));
                for (CommitmentView view : expected) {
                    assertThat(http.get("/api/v1/commitments/" + view.id() + "?validAt=" + validAt + cut)
                                    .json())
                            .as("commitment %s at %s", view.id(), validAt)
                            .isEqualTo(asClientSees(CommitmentResponse.of(view)));
                }
                List<BrokenCommitment> broken = BrokenCommitment.within(24, expected);
                assertThat(http.get("/api/v1/commitments/broken?withinHours=24&negotiationId=" + negotiation
                                        + "&validAt=" + validAt + cut)
                                .json())
                        .as("broken in %s at %s", negotiation, validAt)
                        .isEqualTo(asClientSees(ViewResponses.BrokenCommitmentResponse.of(broken)));
                List<TimelineEntry> timeline = fresh.timeline(negotiation).stream()
                        .filter(e -> e.validAtUtc() == null || !e.validAtUtc().isAfter(at))
                        .toList();
                assertThat(http.get("/api/v1/negotiations/" + negotiation + "/timeline?validAt=" + validAt + cut)
                                .json())
                        .as("timeline of %s at %s", negotiation, validAt)
                        .isEqualTo(asClientSees(
                                timeline.stream().map(TimelineEntryResponse::of).toList()));
            }
        }
    }

    /** What a client reads when the server writes {@code value}: JSON text parsed back into a tree. */
    private static com.fasterxml.jackson.databind.JsonNode asClientSees(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored event, in global order, as the folds see them. */
    private static List<Fact> storedFacts() {
        EventStore store = ledger.bean(EventStore.class);
        List<Fact> facts = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events =
                store.openStream(null).asStream().takeWhile(e -> true)) {
            long head = ledger.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long index = event.trackingToken().position().orElseThrow();
                DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                facts.add(new Fact(
                        index,
                        domain.getAggregateIdentifier(),
                        domain.getSequenceNumber(),
                        event.getTimestamp(),
                        event.getPayload()));
                if (index >= head) {
                    break;
                }
            }
        }
        return facts;
    }
}
