-- The fixed SQL goes to stdout, the report to stderr.
DROP INDEX users_email_idx;
DROP INDEX IF EXISTS orders_old_idx; -- ddlint-ignore drop-index-non-concurrently -- tiny table
