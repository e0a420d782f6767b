package org.negotiationledger.projections.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.negotiationledger.projections.fold.Fact;
import org.negotiationledger.projections.tables.InLists;
import org.negotiationledger.projections.tables.JdbcViewStore;
import org.negotiationledger.projections.tables.ViewTables;
import org.negotiationledger.projections.tables.WrittenRows;
import org.negotiationledger.seal.events.EventTables;
import org.negotiationledger.seal.events.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the stored history into a new generation of the view tables, beside the serving one: the same fold as the
 * live projection ({@link JdbcViewStore#fold}), fed from the event table in ordered pages read and deserialized
 * on a thread of their own, written {@value #FLUSH} events to a transaction into tables that have only their
 * primary keys; {@link #index} then adds the secondary indexes, and {@link #finish}, in the switch's transaction,
 * folds what came meanwhile. Each page is a range of the event table's primary key, read in its own short
 * statement: a cursor held open across the whole build would hold a transaction (and on PostgreSQL a snapshot)
 * open for minutes.
 *
 * <p>Until the switch nothing reads the new generation, so its transactions are only for memory's sake (H2
 * keeps a transaction's undo log): a build that fails or is killed leaves tables that the next build drops.
 */
final class GenerationBuild {

    /** Events read from the table at once. */
    private static final int PAGE = 10_000;
    /** Events folded per transaction: each row a transaction touches is written once, so larger is fewer writes. */
    static final int FLUSH = 100_000;
    /** Missing indexes this close below the head are kept as gaps: a transaction may still commit them. */
    private static final long GAP_WINDOW = 10_000;
    /** The page readers, one per pass. */
    private static final ThreadFactory READERS = Rebuilds.daemons("ledger-rebuild-reader-");

    /**
     * Told of the progress after each page, from inside the build's transaction (so it must write in one of its
     * own); answers false when this build is no longer wanted.
     */
    interface Reporter {
        boolean report(long done, long total);
    }

    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final TransactionTemplate transactions;
    private final ViewTables tables;
    private final WrittenRows building = new WrittenRows();
    /** Missing global indexes below the last one folded that may yet be committed. */
    private final TreeSet<Long> gaps = new TreeSet<>();

    private long last;

    GenerationBuild(JdbcTemplate jdbc, EventTables events, TransactionTemplate transactions, ViewTables tables) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.tables = tables;
    }

    /** Drops what an earlier build left of this generation, and creates its tables. */
    void prepare() {
        tables.drop(jdbc);
        tables.create(jdbc);
    }

    /** The global index of the last event folded. */
    long last() {
        return last;
    }

    /**
     * Folds the events after the last one folded, up to {@code head}, a transaction every {@value #FLUSH}; pages
     * are folded as they arrive, while the reader fetches the next.
     */
    void foldUpTo(long head, Reporter progress) {
        try (Pages pages = new Pages(head)) {
            for (boolean more = true; more; ) {
                more = Boolean.TRUE.equals(transactions.execute(status -> {
                    JdbcViewStore store = JdbcViewStore.building(jdbc, tables, building);
                    int folded = 0;
                    List<Fact> page = List.of();
                    while (folded < FLUSH && (page = pages.next()) != null) {
                        page.forEach(store::fold);
                        folded += page.size();
                        report(progress, head);
                    }
                    store.flush();
                    return page != null;
                }));
            }
            report(progress, head);
        }
    }

    private void report(Reporter progress, long head) {
        if (!progress.report(last, head)) {
            throw new Superseded();
        }
    }

    void index(Reporter progress) {
        tables.index(jdbc, () -> report(progress, last));
    }

    /**
     * In the caller's transaction: folds the events committed into the gaps since, and those after the last one
     * folded up to {@code head}.
     */
    void finish(long head) {
        JdbcViewStore store = JdbcViewStore.building(jdbc, tables, building);
        filledGaps().forEach(store::fold);
        try (Pages pages = new Pages(head)) {
            for (List<Fact> page = pages.next(); page != null; page = pages.next()) {
                page.forEach(store::fold);
            }
        }
        store.flush();
    }

    /** The missing indexes below {@code head} that may yet fill, for the views' token at that head. */
    Collection<Long> gapsBelow(long head) {
        return gaps.tailSet(head - GAP_WINDOW);
    }

    /** The events now stored at indexes that were gaps when read past. */
    private List<Fact> filledGaps() {
        List<Fact> found = new ArrayList<>();
        for (List<Long> chunk : InLists.chunks(gaps)) {
            found.addAll(facts(events.at(chunk)));
        }
        found.forEach(fact -> gaps.remove(fact.globalIndex()));
        return found;
    }

    /**
     * The events after the last one folded up to a head, a page at a time, read and deserialized on a thread of
     * their own a few pages ahead: the database, the serializer and the fold work at once.
     */
    private final class Pages implements AutoCloseable {
        private final long head;
        private final BlockingQueue<List<Fact>> pages = new ArrayBlockingQueue<>(4);
        private final Thread reader;
        private volatile RuntimeException failed;
        private boolean ended;

        Pages(long head) {
            this.head = head;
            long from = last;
            reader = READERS.newThread(() -> {
                long after = from;
                try {
                    while (true) {
                        List<Fact> facts = facts(events.between(after, head, PAGE));
                        pages.put(facts);
                        if (facts.isEmpty()) {
                            return;
                        }
                        after = facts.get(facts.size() - 1).globalIndex();
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failed = e;
                    pages.offer(List.of());
                }
            });
            reader.start();
        }

        /** The next page, or null once every event up to the head has been given. */
        List<Fact> next() {
            if (ended) {
                return null;
            }
            List<Fact> page = take();
            if (failed != null) {
                throw failed;
            }
            if (page.isEmpty()) {
                ended = true;
                noteGaps(head + 1, head);
                last = Math.max(last, head);
                return null;
            }
            for (Fact fact : page) {
                noteGaps(fact.globalIndex(), head);
                last = fact.globalIndex();
            }
            return page;
        }

        private List<Fact> take() {
            try {
                List<Fact> page = pages.poll(10, TimeUnit.MINUTES);
                if (page == null) {
                    throw new IllegalStateException("the rebuild's reader gave no events for 10 minutes");
                }
                return page;
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new Superseded();
            }
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }

    private void noteGaps(long next, long head) {
        for (long missing = Math.max(last + 1, head - GAP_WINDOW); missing < next; missing++) {
            gaps.add(missing);
        }
    }

    /** The stored events as the fold takes them, their payloads deserialized. */
    private List<Fact> facts(List<StoredEvent> stored) {
        List<Fact> facts = new ArrayList<>(stored.size());
        for (StoredEvent event : stored) {
            facts.add(new Fact(
                    event.globalIndex(),
                    event.aggregateIdentifier(),
                    event.sequenceNumber(),
                    event.recordedAt(),
                    events.payload(event)));
        }
        return facts;
    }
}
