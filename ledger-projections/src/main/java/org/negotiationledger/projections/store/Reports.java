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
        Map<String, List<ReportState>> reports = new HashMap<>();
        List<String> ids = List.copyOf(commitmentIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("SELECT commitment_id, state FROM view_report WHERE commitment_id IN ("
                            + "?, ".repeat(chunk.size() - 1) + "?) ORDER BY commitment_id, report_no",
                    rs -> {
                        reports.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(ViewJson.read(rs.getString(2), ReportState.class));
                    }, chunk.toArray());
        }
        return reports;
    }

    /** The commitments with their reports joined back. */
    static List<CommitmentState> joined(JdbcTemplate jdbc, List<CommitmentState> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<ReportState>> reports = of(jdbc, headers.stream().map(CommitmentState::id).toList());
        return headers.stream().map(c -> c.withReports(reports.getOrDefault(c.id(), List.of()))).toList();
    }
}
