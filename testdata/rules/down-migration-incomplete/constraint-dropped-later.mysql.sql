-- MySQL: a constraint the up migration drops again leaves nothing to undo.
-- migrate:up
ALTER TABLE events ADD CONSTRAINT events_ext_check CHECK (external_id IS NOT NULL);
ALTER TABLE events DROP CONSTRAINT events_ext_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind <> ''); -- expect: down-migration-incomplete@20 "adds constraint `events_kind_check`"

-- migrate:down
SELECT 1;
