-- ddlint-test: rules=create-index-non-concurrently,add-primary-key,syntax-error
-- A CREATE TABLE that does not parse still creates its table: the statements
-- after it on that table act on a new, empty table (one syntax error, not a
-- cascade of findings about an existing table).
CREATE TABLE audit (id int, at timestamptz DEFAULT); -- expect: syntax-error@51
CREATE INDEX audit_at_idx ON audit (at);
ALTER TABLE audit ADD PRIMARY KEY (id);
CREATE TABLE snapshot AS SELECT * FROM (SELECT 1 AS id); -- expect: syntax-error@40
CREATE INDEX snapshot_id_idx ON snapshot (id);
CREATE MATERIALIZED VIEW totals AS SELECT * FROM (SELECT 1 AS id); -- expect: syntax-error@50
CREATE UNIQUE INDEX totals_id_idx ON totals (id);
-- The table the rejected statement names is known; any other is not.
CREATE INDEX orders_id_idx ON orders (id); -- expect: create-index-non-concurrently@1
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: add-primary-key@20
CREATE TABLE ledger (id int, amount numeric DEFAULT); -- expect: syntax-error@52
CREATE INDEX ledger_amount_idx ON ledgers (amount); -- expect: create-index-non-concurrently@1
