-- ddlint-test: pg_version=10
-- Before PostgreSQL 11 every non-null DEFAULT is written into every row.
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free'; -- expect: add-column-volatile-default@57 "before PostgreSQL 11"
ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now(); -- expect: add-column-volatile-default@61 "before PostgreSQL 11"
ALTER TABLE users ADD COLUMN active boolean DEFAULT false; -- expect: add-column-volatile-default@53
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default@49 "volatile"

-- Still clean: no default, DEFAULT NULL, new tables.
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ADD COLUMN note text DEFAULT NULL;
ALTER TABLE users ADD COLUMN note2 text DEFAULT NULL::text;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN plan text NOT NULL DEFAULT 'free';
