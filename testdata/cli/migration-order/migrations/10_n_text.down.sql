ALTER TABLE users ALTER COLUMN n TYPE bigint USING n::bigint;
