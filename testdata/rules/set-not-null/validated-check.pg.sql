-- ddlint-test: pg_version=12
-- Clean: on PostgreSQL 12+ a validated CHECK (email IS NOT NULL) lets
-- SET NOT NULL skip the scan, so the ACCESS EXCLUSIVE lock is brief.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;

-- A CHECK added without NOT VALID is validated at once and counts too.
ALTER TABLE orders ADD CONSTRAINT orders_customer_not_null CHECK (customer_id IS NOT NULL);
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
