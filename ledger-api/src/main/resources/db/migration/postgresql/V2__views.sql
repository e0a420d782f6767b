-- The views' tables, kept by the live projection (ledger-projections, package store). Each row holds the
-- record's folded state as JSON, with the columns the endpoints filter and sort on. Times are epoch millis.
CREATE TABLE view_commitment (
    id                   VARCHAR(100) NOT NULL PRIMARY KEY,
    negotiation_id       VARCHAR(100) NOT NULL,
    category             VARCHAR(10)  NOT NULL,
    kind                 VARCHAR(40)  NOT NULL,
    effective_from_ms    BIGINT       NOT NULL,
    minutes_to_break     BIGINT,
    recorded_at_ms       BIGINT       NOT NULL,
    state                TEXT         NOT NULL
);
CREATE INDEX ix_view_commitment_negotiation ON view_commitment (negotiation_id);
CREATE INDEX ix_view_commitment_break ON view_commitment (minutes_to_break);

-- Each violation report of a commitment in a row of its own, so that a new report or finding writes one
-- small row rather than the commitment's whole history. report_no keeps the order they were reported in;
-- counts_from_ms is when the violation counts as having happened (the latest instant of its stated time).
CREATE TABLE view_report (
    commitment_id VARCHAR(100) NOT NULL,
    violation_id  VARCHAR(100) NOT NULL,
    report_no     INTEGER      NOT NULL,
    counts_from_ms BIGINT      NOT NULL,
    state         TEXT          NOT NULL,
    PRIMARY KEY (commitment_id, violation_id)
);
-- The broken-within-hours view reads only the reports near a commitment's start.
CREATE INDEX ix_view_report_window ON view_report (commitment_id, counts_from_ms);

-- Which actors a commitment concerns, and how: PARTY, ACCUSED or REPORTER. Serves the party record.
CREATE TABLE view_commitment_actor (
    commitment_id VARCHAR(100) NOT NULL,
    actor_id      VARCHAR(100) NOT NULL,
    role          VARCHAR(10)  NOT NULL,
    PRIMARY KEY (commitment_id, actor_id, role)
);
CREATE INDEX ix_view_commitment_actor ON view_commitment_actor (actor_id);

CREATE TABLE view_negotiation (
    id             VARCHAR(100) NOT NULL PRIMARY KEY,
    recorded_at_ms BIGINT       NOT NULL,
    state          TEXT         NOT NULL
);

CREATE TABLE view_actor (
    id             VARCHAR(100) NOT NULL PRIMARY KEY,
    recorded_at_ms BIGINT       NOT NULL,
    state          TEXT         NOT NULL
);

CREATE TABLE view_statement (
    id             VARCHAR(100) NOT NULL PRIMARY KEY,
    author         VARCHAR(100) NOT NULL,
    issued_at_ms   BIGINT       NOT NULL,
    recorded_at_ms BIGINT       NOT NULL,
    state          TEXT         NOT NULL
);
CREATE INDEX ix_view_statement_author ON view_statement (author);

-- A statement's kinds (tag KIND) and the records it concerns (tag CONCERNS), for the statement filters.
CREATE TABLE view_statement_tag (
    statement_id VARCHAR(100) NOT NULL,
    tag          VARCHAR(10)  NOT NULL,
    tag_value    VARCHAR(100) NOT NULL,
    PRIMARY KEY (statement_id, tag, tag_value)
);
CREATE INDEX ix_view_statement_tag ON view_statement_tag (tag, tag_value);

CREATE TABLE view_timeline (
    negotiation_id VARCHAR(100) NOT NULL,
    global_index   BIGINT       NOT NULL,
    entry          INTEGER      NOT NULL,
    valid_at_ms    BIGINT       NOT NULL,
    recorded_at_ms BIGINT       NOT NULL,
    state          TEXT         NOT NULL,
    PRIMARY KEY (negotiation_id, global_index, entry)
);
CREATE INDEX ix_view_timeline_order ON view_timeline (negotiation_id, valid_at_ms, global_index, entry);
CREATE INDEX ix_view_timeline_event ON view_timeline (global_index);
