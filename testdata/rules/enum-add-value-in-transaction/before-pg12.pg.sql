-- ddlint-test: pg_version=11
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect: enum-add-value-in-transaction "before PostgreSQL 12"
ALTER TYPE order_status RENAME VALUE 'cancelled' TO 'canceled';
COMMIT;
ALTER TYPE order_status ADD VALUE 'disputed';
