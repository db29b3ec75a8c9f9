-- Clean: columns of tables created earlier in this file, and other actions.
CREATE TABLE imports (id bigint PRIMARY KEY, raw jsonb, scratch text, tmp int);
ALTER TABLE imports DROP COLUMN scratch;
ALTER TABLE public.imports DROP tmp;

-- Dropping a constraint, a default or NOT NULL is not dropping a column.
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT;
ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;

-- Adding and renaming are other rules' business.
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users RENAME COLUMN nick TO nickname;
