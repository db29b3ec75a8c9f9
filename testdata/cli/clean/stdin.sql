CREATE TABLE t (id bigint PRIMARY KEY);
CREATE INDEX t_id ON t (id);
