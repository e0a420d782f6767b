-- The batches of bulk imports that committed: each in the same transaction as its events, so a batch listed
-- here is recorded, and one not listed is not. An import posted again under its id skips the batches listed
-- (their lines must be the same: lines_hash) and applies the rest.
CREATE TABLE import_batch (
    import_id    VARCHAR(200) NOT NULL,
    batch        INTEGER      NOT NULL,
    first_line   INTEGER      NOT NULL,
    last_line    INTEGER      NOT NULL,
    lines_hash   VARCHAR(64)  NOT NULL,
    principal    VARCHAR(200) NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, batch)
);
