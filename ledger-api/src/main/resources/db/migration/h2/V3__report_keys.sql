-- Reports keyed by number: (the global index of the event that created the commitment << 24) + the report's
-- number in it. H2 stores a table in the order of a BIGINT primary key, so a commitment's reports now lie
-- together and one range read fetches them; under the old composite key they lay in the order written, one
-- page each, and reading a commitment with hundreds of reports cost hundreds of page reads.
-- The views are derived data: the new keys come from a rebuild, which the tracking processor starts by itself
-- once its token is gone.
DROP TABLE view_report;
CREATE TABLE view_report (
    report_key     BIGINT       NOT NULL PRIMARY KEY,
    commitment_id  VARCHAR(100) NOT NULL,
    violation_id   VARCHAR(100) NOT NULL,
    counts_from_ms BIGINT       NOT NULL,
    state          VARCHAR      NOT NULL
);
-- The broken-within-hours view reads only the reports near a commitment's start.
CREATE INDEX ix_view_report_window ON view_report (commitment_id, counts_from_ms);

DELETE FROM view_commitment;
DELETE FROM view_commitment_actor;
DELETE FROM view_negotiation;
DELETE FROM view_actor;
DELETE FROM view_statement;
DELETE FROM view_statement_tag;
DELETE FROM view_timeline;
DELETE FROM TokenEntry WHERE processorName = 'views';
