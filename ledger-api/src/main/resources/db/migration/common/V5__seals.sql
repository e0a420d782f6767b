-- Events are sealed from now on (a chained SHA-256 digest in each event's metadata). Events already stored
-- were recorded before sealing and carry none; verification counts them as unsealed, and requires a digest
-- of every event after this index.
CREATE TABLE ledger_seal (
    id                 INTEGER NOT NULL PRIMARY KEY,
    sealed_after_index BIGINT  NOT NULL
);
INSERT INTO ledger_seal (id, sealed_after_index) SELECT 1, COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry;
