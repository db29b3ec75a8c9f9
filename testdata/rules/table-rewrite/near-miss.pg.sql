-- Clean: plain VACUUM and ANALYZE, metadata-only ALTER TABLE subcommands, and
-- tables created earlier in this file.
VACUUM events;
VACUUM (ANALYZE, VERBOSE) public.audit_log;
VACUUM (FULL false) sessions;
ANALYZE orders;
ALTER TABLE orders CLUSTER ON orders_customer_idx;
ALTER TABLE orders SET WITHOUT CLUSTER;
ALTER TABLE orders SET (fillfactor = 80);
ALTER INDEX orders_customer_idx SET TABLESPACE fast_disk;

CREATE UNLOGGED TABLE import_rows (id bigint PRIMARY KEY, payload jsonb);
ALTER TABLE import_rows SET LOGGED;
ALTER TABLE import_rows SET TABLESPACE fast_disk;
VACUUM FULL import_rows;
CLUSTER import_rows USING import_rows_pkey;
