-- A rebuild asked of any server is written here and carried out by whichever server holds the views' work
-- (the views' token), once: state REQUESTED, then STARTED with the head it must reach. Every server reads the
-- same progress from this row and the views' token.
CREATE TABLE view_rebuild (
    id           INTEGER      NOT NULL PRIMARY KEY,
    state        VARCHAR(20)  NOT NULL,
    target_index BIGINT       NOT NULL,
    requested_at TIMESTAMP    NOT NULL
);
INSERT INTO view_rebuild (id, state, target_index, requested_at) VALUES (1, 'NONE', 0, CURRENT_TIMESTAMP);
