package org.negotiationledger.api.view;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.core.actor.ActorKind;
import org.negotiationledger.core.actor.ActorRegistered;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.TruceKind;
import org.negotiationledger.core.commitment.ViolationAssessed;
import org.negotiationledger.core.commitment.ViolationReportRetracted;
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
 * A large synthetic history for the benchmarks, appended straight to the event store (the command path is
 * measured elsewhere): {@code truces} truces in {@code truces / 100} negotiations, then violation reports
 * against them in turn, each report 30 minutes after the truce's previous one, with a finding on every tenth
 * report and a retraction on every fiftieth, up to {@code events} events.
 */
public final class BenchmarkHistory {

    private BenchmarkHistory() {}

    public static long append(LedgerInstance ledger, int truces, int events) {
        return append(ledger, "", truces, events);
    }

    /**
     * More of the same history, in negotiations and truces of their own ({@code prefix} in their ids), for a
     * ledger that already holds one appended by {@link #append(LedgerInstance, int, int)}.
     */
    public static long appendMore(LedgerInstance ledger, String prefix, int truces, int events) {
        return append(ledger, prefix, truces, events);
    }

    private static long append(LedgerInstance ledger, String prefix, int truces, int events) {
        EventStore store = ledger.bean(EventStore.class);
        TransactionTemplate tx = ledger.bean(TransactionTemplate.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long count = 0;
        ActorId a = new ActorId("party-a");
        ActorId b = new ActorId("party-b");
        if (prefix.isEmpty()) {
            add(batch, "actor:party-a", 0, new ActorRegistered(a, "A", ActorKind.STATE));
            add(batch, "actor:party-b", 0, new ActorRegistered(b, "B", ActorKind.STATE));
        }
        StatedTime agreed = StatedTime.parse("2020-10-10T03:00+04:00", Precision.MINUTE);
        StatedTime effective = StatedTime.parse("2020-10-10T12:00+04:00", Precision.MINUTE);
        int negotiations = Math.max(1, truces / 100);
        for (int n = 0; n < negotiations; n++) {
            add(
                    batch,
                    "negotiation:" + prefix + "bench-" + n,
                    0,
                    new NegotiationOpened(
                            new NegotiationId(prefix + "bench-" + n), "bench " + n, List.of(a, b), List.of()));
        }
        long[] sequence = new long[truces];
        for (int t = 0; t < truces; t++) {
            add(
                    batch,
                    "commitment:" + prefix + "truce-" + t,
                    sequence[t]++,
                    new TruceAgreed(
                            new CommitmentId(prefix + "truce-" + t),
                            new NegotiationId(prefix + "bench-" + (t % negotiations)),
                            TruceKind.CEASEFIRE,
                            "truce " + t,
                            List.of(a, b),
                            List.of(),
                            null,
                            agreed,
                            effective,
                            null,
                            List.of(),
                            null,
                            List.of(),
                            null,
                            null));
        }
        for (int i = 0; batch.size() + count < events; i++) {
            int t = i % truces;
            CommitmentId truce = new CommitmentId(prefix + "truce-" + t);
            StatedTime occurred = StatedTime.of(
                    LocalDateTime.parse("2020-10-10T12:05").plusMinutes(30L * (i / truces)),
                    ZoneOffset.ofHours(4),
                    null,
                    Precision.MINUTE);
            ViolationId violation = new ViolationId("v" + i);
            add(
                    batch,
                    "commitment:" + prefix + "truce-" + t,
                    sequence[t]++,
                    new ViolationReported(
                            truce,
                            violation,
                            i % 2 == 0 ? a : b,
                            i % 2 == 0 ? b : a,
                            occurred,
                            null,
                            null,
                            "shelling",
                            null,
                            "bench"));
            if (i % 10 == 0) {
                add(
                        batch,
                        "commitment:" + prefix + "truce-" + t,
                        sequence[t]++,
                        new ViolationAssessed(
                                truce,
                                violation,
                                i % 30 == 0 ? AssessmentOutcome.UNFOUNDED : AssessmentOutcome.CONFIRMED,
                                null,
                                a,
                                occurred,
                                null));
            }
            if (i % 50 == 1) {
                add(
                        batch,
                        "commitment:" + prefix + "truce-" + t,
                        sequence[t]++,
                        new ViolationReportRetracted(truce, violation, i % 2 == 0 ? a : b, "withdrawn"));
            }
            if (batch.size() >= 2000) {
                count += flush(store, tx, batch);
            }
        }
        return count + flush(store, tx, batch);
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
