-- The serving generation records the layout of the view tables it was built with (view schema 2: a timeline
-- row holds the entry's facts, not its sentence); a server finding an older one rebuilds. A ledger with no
-- events yet has empty views, of any layout: it starts at layout 2 rather than rebuilding nothing on its first
-- start. A ledger with events keeps 1, and its next start rebuilds into 2. (A later layout wants the same line.)
UPDATE view_rebuild SET schema_version = 2 WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM DomainEventEntry);
