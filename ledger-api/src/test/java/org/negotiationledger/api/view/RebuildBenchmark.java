package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.core.actor.ActorKind;
import org.negotiationledger.core.actor.ActorRegistered;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.TruceKind;
import org.negotiationledger.core.commitment.ViolationAssessed;
import org.negotiationledger.core.commitment.ViolationReported;
import org.negotiationledger.core.negotiation.NegotiationOpened;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the views rebuild: 100,000 stored events (1,000 truces in 10 negotiations, 90,000 violation reports,
 * the rest assessments), then POST /api/v1/admin/replays/all, timed until the progress says DONE. A benchmark,
 * not a test: run it with {@code ./mvnw -pl ledger-api test -Dtest=RebuildBenchmark}.
 */
class RebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);

    @Test
    void rebuildOneHundredThousandEvents() {
        try (LedgerInstance ledger = LedgerInstance.start(Map.of(
                "ledger.data-dir", ApiTest.temporaryDirectory("ledger-bench").toString()))) {
            Http http = ledger.http();
            long appended = append(ledger);
            ViewsCaughtUp.await(http);
            long started = System.nanoTime();
            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            List<String> samples = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode progress = http.get("/api/v1/admin/replays/all").json();
                samples.add(progress.get("percent").asText() + "%");
                return "DONE".equals(progress.get("state").asText())
                        && progress.get("done").asLong() == progress.get("total").asLong();
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%nREBUILD BENCHMARK: %d events rebuilt in %.1f s = %.0f events/s; progress seen: %s%n%n",
                    appended, seconds, appended / seconds, samples);
            assertThat(http.get("/api/v1/commitments?negotiationId=bench-0").json()).hasSize(100);
        }
    }

    private static long append(LedgerInstance ledger) {
        EventStore store = ledger.bean(EventStore.class);
        TransactionTemplate tx = ledger.bean(TransactionTemplate.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long count = 0;
        ActorId a = ActorId.of("party-a");
        ActorId b = ActorId.of("party-b");
        add(batch, "actor:party-a", 0, new ActorRegistered(a, "A", ActorKind.STATE));
        add(batch, "actor:party-b", 0, new ActorRegistered(b, "B", ActorKind.STATE));
        StatedTime agreed = StatedTime.parse("2020-10-10T03:00+04:00", Precision.MINUTE);
        int truces = 1000;
        for (int n = 0; n < 10; n++) {
            add(batch, "negotiation:bench-" + n, 0, new NegotiationOpened(NegotiationId.of("bench-" + n), "bench " + n,
                    List.of(a, b), List.of()));
        }
        long[] sequence = new long[truces];
        for (int t = 0; t < truces; t++) {
            StatedTime effective = StatedTime.parse("2020-10-10T12:00+04:00", Precision.MINUTE);
            add(batch, "commitment:truce-" + t, sequence[t]++, new TruceAgreed(CommitmentId.of("truce-" + t),
                    NegotiationId.of("bench-" + (t % 10)), TruceKind.CEASEFIRE, "truce " + t, List.of(a, b), List.of(),
                    null, agreed, effective, null, List.of(), null, List.of(), null));
        }
        int i = 0;
        while (batch.size() + count < EVENTS) {
            int t = i % truces;
            StatedTime occurred = StatedTime.of(java.time.LocalDateTime.parse("2020-10-10T12:05").plusMinutes(i / truces),
                    java.time.ZoneOffset.ofHours(4), null, Precision.MINUTE);
            ViolationId violation = ViolationId.of("v" + i);
            add(batch, "commitment:truce-" + t, sequence[t]++, new ViolationReported(CommitmentId.of("truce-" + t),
                    violation, a, b, occurred, null, "shelling", null, "bench"));
            if (i % 10 == 0) {
                add(batch, "commitment:truce-" + t, sequence[t]++, new ViolationAssessed(CommitmentId.of("truce-" + t),
                        violation, AssessmentOutcome.CONFIRMED, null, a, occurred, null));
            }
            i++;
            if (batch.size() >= 2000) {
                count += flush(store, tx, batch);
            }
        }
        count += flush(store, tx, batch);
        return count;
    }

    private static void add(List<DomainEventMessage<?>> batch, String stream, long sequence, Object payload) {
        batch.add(new GenericDomainEventMessage<>("Benchmark", stream, sequence, payload));
    }

    private static int flush(EventStore store, TransactionTemplate tx, List<DomainEventMessage<?>> batch) {
        int size = batch.size();
        tx.executeWithoutResult(status -> store.publish(batch));
        batch.clear();
        return size;
    }
}
