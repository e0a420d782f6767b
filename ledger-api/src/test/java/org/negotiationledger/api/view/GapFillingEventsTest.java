package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.core.commitment.ViolationReported;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Global indexes are taken before commit, so an event can commit after one with a higher index: the live
 * projection reads past it (a gap in its token) and gets it later, with the token's position still at the higher
 * index. The event goes on the timeline under its own index all the same, and the other's entry stays.
 */
class GapFillingEventsTest {

    @Test
    void anEventCommittedAfterOneWithAHigherIndexIsOnTheTimelineUnderItsOwnIndex() throws Exception {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-views-gap")) {
            Http http = ledger.http();
            BenchmarkHistory.append(ledger, 2, 20);
            ViewsCaughtUp.await(http);
            EventStore store = ledger.bean(EventStore.class);
            TransactionTemplate tx = ledger.bean(TransactionTemplate.class);
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);

            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Throwable> failed = new ArrayList<>();
            // This report takes its index first and stays uncommitted while the next one commits.
            GenericDomainEventMessage<ViolationReported> heldReport = report(jdbc, "truce-0", "held");
            GenericDomainEventMessage<ViolationReported> firstReport = report(jdbc, "truce-1", "committed first");
            Thread held = new Thread(() -> {
                try {
                    tx.executeWithoutResult(status -> {
                        store.publish(heldReport);
                        appended.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (RuntimeException e) {
                    failed.add(e);
                    appended.countDown();
                }
            });
            held.start();
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(status -> store.publish(firstReport));
            // The views read past the held report's index, which their token keeps as a gap.
            ViewsCaughtUp.await(http);
            release.countDown();
            held.join();
            assertThat(failed).isEmpty();

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> summaries(http).values().stream().anyMatch(s -> s.endsWith(": held")));
            Map<Long, String> timeline = summaries(http);
            long heldIndex = indexOf(jdbc, heldReport.getIdentifier());
            long firstIndex = indexOf(jdbc, firstReport.getIdentifier());
            assertThat(heldIndex).isLessThan(firstIndex);
            assertThat(timeline.get(heldIndex)).endsWith(": held");
            assertThat(timeline.get(firstIndex)).endsWith(": committed first");
        }
    }

    private static GenericDomainEventMessage<ViolationReported> report(
            JdbcTemplate jdbc, String truce, String description) {
        String stream = "commitment:" + truce;
        Long last = jdbc.queryForObject(
                "SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, stream);
        return new GenericDomainEventMessage<>(
                "Benchmark",
                stream,
                last + 1,
                new ViolationReported(
                        new CommitmentId(truce),
                        new ViolationId("gap-" + description.replace(' ', '-')),
                        new ActorId("party-a"),
                        new ActorId("party-b"),
                        StatedTime.of(
                                LocalDateTime.parse("2020-10-10T12:05"), ZoneOffset.ofHours(4), null, Precision.MINUTE),
                        null,
                        null,
                        description,
                        null,
                        "test"));
    }

    private static long indexOf(JdbcTemplate jdbc, String eventIdentifier) {
        return jdbc.queryForObject(
                "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class, eventIdentifier);
    }

    /** The bench-0 timeline's entries: each event's summary by its global index. */
    private static Map<Long, String> summaries(Http http) {
        Map<Long, String> summaries = new HashMap<>();
        for (JsonNode entry : http.get("/api/v1/negotiations/bench-0/timeline").json()) {
            summaries.put(
                    entry.get("globalIndex").asLong(), entry.get("summary").asText());
        }
        return summaries;
    }
}
