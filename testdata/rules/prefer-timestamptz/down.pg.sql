-- ddlint-test: runner=dbmate
-- A down migration restores the old type: not checked unless down_migrations = "strict".
-- migrate:up
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;

-- migrate:down
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;
