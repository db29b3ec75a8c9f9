-- A CHECK added NOT VALID to prove SET NOT NULL, then dropped again by the
-- same up migration, leaves nothing for the down migration to undo.
-- +goose Up
ALTER TABLE events ADD CONSTRAINT events_ext_not_null CHECK (external_id IS NOT NULL) NOT VALID;
ALTER TABLE events VALIDATE CONSTRAINT events_ext_not_null;
ALTER TABLE events ALTER COLUMN external_id SET NOT NULL;
ALTER TABLE events DROP CONSTRAINT events_ext_not_null;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind <> ''); -- expect: down-migration-incomplete@20 "adds constraint `events_kind_check`"

-- +goose Down
ALTER TABLE events ALTER COLUMN external_id DROP NOT NULL;
