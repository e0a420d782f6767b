package org.negotiationledger.projections.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;

/**
 * The reports of recently changed commitments, kept between batches so that a batch need not read back the
 * reports it wrote before. An entry is used only while the commitment's row still has the same
 * {@code lastSequence}: if anything else (another node, a rebuild) changed the row, it is read again.
 */
final class ReportCache {

    private static final int CAPACITY = 20_000;

    private final Map<String, CommitmentState> entries;
    /** The actors each kept commitment's reports name: as kept with it, valid while it is. */
    private final Map<String, Set<JdbcViewStore.ActorRole>> roles = new HashMap<>();

    ReportCache() {
        this(CAPACITY);
    }

    ReportCache(int capacity) {
        entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommitmentState> eldest) {
                if (size() > capacity) {
                    roles.remove(eldest.getKey());
                    return true;
                }
                return false;
            }
        };
    }

    synchronized List<ReportState> reports(CommitmentState header) {
        CommitmentState cached = entries.get(header.id());
        return cached != null && cached.lastSequence() == header.lastSequence() ? cached.reports() : null;
    }

    /** The commitment as last written, if kept: for a rebuild's own generation, which no one else writes. */
    synchronized CommitmentState kept(String id) {
        return entries.get(id);
    }

    /** The actors the kept commitment's reports name, if known; valid when its reports are. */
    synchronized Set<JdbcViewStore.ActorRole> roles(String id) {
        return roles.get(id);
    }

    /** Called after a batch committed, with the commitments it wrote and the actors their reports name. */
    synchronized void committed(Iterable<CommitmentState> written, Map<String, Set<JdbcViewStore.ActorRole>> named) {
        written.forEach(c -> {
            entries.put(c.id(), c);
            Set<JdbcViewStore.ActorRole> actors = named.get(c.id());
            if (actors == null) {
                roles.remove(c.id());
            } else {
                roles.put(c.id(), actors);
            }
        });
    }

    synchronized void clear() {
        entries.clear();
        roles.clear();
    }
}
