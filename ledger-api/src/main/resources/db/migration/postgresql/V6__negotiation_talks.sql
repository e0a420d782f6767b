-- A negotiation's view now keeps its rounds of talks, so that each one's Location answers GET
-- (/api/v1/negotiations/{id}/talks/{talksId}). The views are derived data: the talks come from a rebuild,
-- which the tracking processor starts by itself once its token is gone.
DELETE FROM view_commitment;
DELETE FROM view_report;
DELETE FROM view_commitment_actor;
DELETE FROM view_negotiation;
DELETE FROM view_actor;
DELETE FROM view_statement;
DELETE FROM view_statement_tag;
DELETE FROM view_timeline;
DELETE FROM TokenEntry WHERE processorName = 'views';
