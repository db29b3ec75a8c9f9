-- Blocking statements on existing tables with no usable statement_timeout.
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2); -- expect: missing-statement-timeout@1 "no statement_timeout set"
CREATE INDEX orders_created_at_idx ON orders (created_at);

SET statement_timeout = 0;
ALTER TABLE orders ADD COLUMN note text; -- expect: missing-statement-timeout@1 "disabled"
SET statement_timeout = '10min';
ALTER TABLE orders ADD COLUMN memo text; -- expect: missing-statement-timeout@1 "10min, above the maximum of 5min"
SET statement_timeout = 3600000;
DROP INDEX orders_old_idx; -- expect: missing-statement-timeout@1 "1h"

-- A lock_timeout does not bound how long the statement runs once it has the lock.
SET statement_timeout TO DEFAULT;
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN extra text; -- expect: missing-statement-timeout@1
