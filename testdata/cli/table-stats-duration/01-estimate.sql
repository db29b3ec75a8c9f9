-- No duration annotation: the finding gives the estimate for orders and users (customers is unknown to the stats, events has no row figure).
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
CREATE INDEX CONCURRENTLY customers_name_idx ON customers (name);
CREATE INDEX CONCURRENTLY events_at_idx ON events (at);
