-- A CHECK the session's read-only state decides: ddlint's preflight session
-- is READ ONLY, so every row of orders is counted as in the way.
ALTER TABLE orders ADD CONSTRAINT chk_rw CHECK (@@tx_read_only = 0);
