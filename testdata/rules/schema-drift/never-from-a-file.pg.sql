-- A migration alone never shows drift: `ddlint drift` compares a live
-- database with the migrations (tests/pg_locks_test.sh runs it).
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
ALTER TABLE users ADD CONSTRAINT users_nickname_len CHECK (length(nickname) < 40) NOT VALID;
