package org.negotiationledger.projections.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads commitments' reports from their own table, to join them back to the commitments. */
final class Reports {

    private static final int CHUNK = 500;

    private Reports() {
    }

    /** The reports of each of these commitments, in the order they were reported. */
    static Map<String, List<ReportState>> of(JdbcTemplate jdbc, Collection<String> commitmentIds) {
        return of(jdbc, commitmentIds, null);
    }

    /**
     * The reports of each of these commitments that count from within {@code windowMinutes} whole minutes of the
     * commitment taking effect (all of them when null), in the order they were reported. Time to break is counted
     * in whole minutes, so the window runs to the end of its last minute.
     */
    static Map<String, List<ReportState>> of(JdbcTemplate jdbc, Collection<String> commitmentIds, Long windowMinutes) {
        Map<String, List<ReportState>> reports = new HashMap<>();
        List<String> ids = List.copyOf(commitmentIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk);
            String window = "";
            if (windowMinutes != null) {
                window = " AND r.counts_from_ms <= (SELECT c.effective_from_ms FROM view_commitment c "
                        + "WHERE c.id = r.commitment_id) + ?";
                args.add((windowMinutes + 1) * 60_000 - 1);
            }
            jdbc.query("SELECT r.commitment_id, r.state FROM view_report r WHERE r.commitment_id IN ("
                            + "?, ".repeat(chunk.size() - 1) + "?)" + window + " ORDER BY r.commitment_id, r.report_no",
                    rs -> {
                        reports.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(ViewJson.read(rs.getString(2), ReportState.class));
                    }, args.toArray());
        }
        return reports;
    }

    /** The commitments with their reports (within the window, when one is given) joined back. */
    static List<CommitmentState> joined(JdbcTemplate jdbc, List<CommitmentState> headers, Long windowMinutes) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<ReportState>> reports = of(jdbc, headers.stream().map(CommitmentState::id).toList(),
                windowMinutes);
        return headers.stream().map(c -> c.withReports(reports.getOrDefault(c.id(), List.of()))).toList();
    }
}
