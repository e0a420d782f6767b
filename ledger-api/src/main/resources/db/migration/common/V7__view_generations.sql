-- The views now live in generations: a rebuild fills a new set of tables (view_commitment_g2, ...) beside the
-- serving one, which keeps answering, and a single update of view_rebuild.serving switches to it. The tables so
-- far become generation 1; later generations are created by the server (ViewTables in ledger-projections), and
-- a change to the views' layout raises its schema version rather than editing these tables.
ALTER TABLE view_commitment RENAME TO view_commitment_g1;
ALTER TABLE view_report RENAME TO view_report_g1;
ALTER TABLE view_commitment_actor RENAME TO view_commitment_actor_g1;
ALTER TABLE view_negotiation RENAME TO view_negotiation_g1;
ALTER TABLE view_actor RENAME TO view_actor_g1;
ALTER TABLE view_statement RENAME TO view_statement_g1;
ALTER TABLE view_statement_tag RENAME TO view_statement_tag_g1;
ALTER TABLE view_timeline RENAME TO view_timeline_g1;

-- serving: the generation that answers; schema_version: the layout it was built with.
-- building, builder, heartbeat: the generation a rebuild fills, the server filling it, and a count that server
-- raises as it goes (a rebuild whose count stands still for a minute is started again by the server that holds
-- the views' work: no clocks of two servers are compared).
-- done, total, elapsed_ms, started_at: its progress, the same read from every server.
ALTER TABLE view_rebuild ADD COLUMN serving INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE view_rebuild ADD COLUMN schema_version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE view_rebuild ADD COLUMN building INTEGER;
ALTER TABLE view_rebuild ADD COLUMN builder VARCHAR(100);
ALTER TABLE view_rebuild ADD COLUMN heartbeat BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE view_rebuild ADD COLUMN done BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE view_rebuild ADD COLUMN total BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE view_rebuild ADD COLUMN started_at TIMESTAMP;
ALTER TABLE view_rebuild ADD COLUMN elapsed_ms BIGINT DEFAULT 0 NOT NULL;
-- A rebuild carried out by the earlier server (STARTED) is done.
UPDATE view_rebuild SET state = 'DONE' WHERE state = 'STARTED';
