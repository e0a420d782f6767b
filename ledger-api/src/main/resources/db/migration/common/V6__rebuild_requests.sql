-- A rebuild asked of any server is written here and carried out by whichever server holds the views' work
-- (the views' token), once: state REQUESTED, then STARTED with the head it reached (or FAILED, rolled back).
-- Every server reads the same progress from this row and the views' token.
--
-- How a migration changes what the views keep: it asks for a rebuild (state REQUESTED) instead of emptying
-- the view tables, so that the views as they were keep answering until the rebuilt ones replace them in one
-- transaction. This version's change: a negotiation's view keeps its rounds of talks (so that each one's
-- Location answers); a ledger that already holds events is rebuilt on its first start.
CREATE TABLE view_rebuild (
    id           INTEGER      NOT NULL PRIMARY KEY,
    state        VARCHAR(20)  NOT NULL,
    target_index BIGINT       NOT NULL,
    requested_at TIMESTAMP    NOT NULL
);
INSERT INTO view_rebuild (id, state, target_index, requested_at)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM DomainEventEntry) THEN 'REQUESTED' ELSE 'NONE' END,
       COALESCE((SELECT MAX(globalIndex) FROM DomainEventEntry), 0), CURRENT_TIMESTAMP;
