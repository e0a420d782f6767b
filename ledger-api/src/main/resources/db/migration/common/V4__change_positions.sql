-- Each commitment row records the global index of the last event that changed it, so that a stream can ask
-- what changed after the point a client has seen (Server-Sent Events' Last-Event-ID), on any node.
-- The views are derived data: the positions come from a rebuild, which the tracking processor starts by
-- itself once its token is gone.
DELETE FROM view_commitment;
DELETE FROM view_report;
DELETE FROM view_commitment_actor;
DELETE FROM view_negotiation;
DELETE FROM view_actor;
DELETE FROM view_statement;
DELETE FROM view_statement_tag;
DELETE FROM view_timeline;
DELETE FROM TokenEntry WHERE processorName = 'views';
ALTER TABLE view_commitment ADD COLUMN changed_at_index BIGINT NOT NULL;
CREATE INDEX ix_view_commitment_changed ON view_commitment (changed_at_index);
