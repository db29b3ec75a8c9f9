CREATE TABLE users (id bigint PRIMARY KEY, n int, ts timestamp);
