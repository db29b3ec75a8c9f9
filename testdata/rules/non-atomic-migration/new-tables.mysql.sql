-- Tables created in the migration count: a failure leaves them half-built,
-- and re-running the migration fails on the table that exists.
CREATE TABLE invoices (id BIGINT PRIMARY KEY, total INT NOT NULL);
CREATE INDEX invoices_total_idx ON invoices (total); -- expect: non-atomic-migration@1 "runs 2 DDL statements"
