-- sqitch runs the script with psql: outside BEGIN ... COMMIT each statement runs on its own.
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
