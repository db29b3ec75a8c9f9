-- A CHECK whose expression writes (nextval): its preflight query must fail,
-- because `ddlint preflight --dsn` runs every query in a READ ONLY transaction.
ALTER TABLE orders ADD CONSTRAINT orders_seq_check CHECK (nextval('orders_seq') > 0);
