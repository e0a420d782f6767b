package org.negotiationledger.projections.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads commitments' reports from their own table, to join them back to the commitments. */
final class Reports {

    /**
     * Bits of a report's key given to its number within the commitment: the key is the commitment's
     * {@link CommitmentState#firstIndex()} shifted by these bits, plus the report's number. H2 stores a table in
     * the order of a BIGINT primary key, so a commitment's reports lie next to each other and one range read
     * fetches them, where a composite key left them scattered in the order they were written, one page read
     * each; on PostgreSQL the key's index serves the same range read.
     */
    static final int REPORT_BITS = 24;

    private Reports() {}

    /** The storage key of a commitment's report number {@code reportNo}. */
    static long key(CommitmentState commitment, int reportNo) {
        if (reportNo >= 1 << REPORT_BITS) {
            throw new IllegalStateException("commitment " + commitment.id()
                    + " has more reports than the views can key (" + (1 << REPORT_BITS) + ")");
        }
        return (commitment.firstIndex() << REPORT_BITS) + reportNo;
    }

    /** The reports of one commitment, in the order they were reported: one range read of its keys. */
    static List<ReportState> of(JdbcTemplate jdbc, ViewTables tables, CommitmentState commitment) {
        return jdbc.query(
                tables.sql("SELECT state FROM view_report WHERE report_key BETWEEN ? AND ? ORDER BY report_key"),
                (rs, n) -> ViewJson.read(rs.getString(1), ReportState.class),
                key(commitment, 0),
                key(commitment, (1 << REPORT_BITS) - 1));
    }

    /**
     * The reports of each commitment that count from within {@code windowMinutes} whole minutes of its taking
     * effect, in the order they were reported. Time to break is counted in whole minutes, so the window runs to
     * the end of its last minute. One range query per commitment on (commitment_id, counts_from_ms): a single
     * query comparing with each commitment's start defeated the index and scanned every report.
     */
    private static Map<String, List<ReportState>> within(
            JdbcTemplate jdbc, ViewTables tables, List<CommitmentState> commitments, long windowMinutes) {
        Map<String, List<ReportState>> reports = new HashMap<>();
        long window = (windowMinutes + 1) * 60_000 - 1;
        for (CommitmentState c : commitments) {
            List<ReportState> found = jdbc.query(
                    tables.sql("SELECT state FROM view_report WHERE commitment_id = ? "
                            + "AND counts_from_ms <= ? ORDER BY report_key"),
                    (rs, n) -> ViewJson.read(rs.getString(1), ReportState.class),
                    c.id(),
                    c.agreement().effectiveFrom().utc().toEpochMilli() + window);
            reports.put(c.id(), found);
        }
        return reports;
    }

    /** The commitments with their reports (within the window, when one is given) joined back. */
    static List<CommitmentState> joined(
            JdbcTemplate jdbc, ViewTables tables, List<CommitmentState> headers, Long windowMinutes) {
        if (headers.isEmpty()) {
            return headers;
        }
        if (windowMinutes == null) {
            return headers.stream().map(c -> c.withReports(of(jdbc, tables, c))).toList();
        }
        Map<String, List<ReportState>> reports = within(jdbc, tables, headers, windowMinutes);
        return headers.stream()
                .map(c -> c.withReports(reports.getOrDefault(c.id(), List.of())))
                .toList();
    }
}
