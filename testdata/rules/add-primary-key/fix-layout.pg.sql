-- The unsafe fix (outside a transaction only): build the index with CREATE
-- UNIQUE INDEX CONCURRENTLY first, then adopt it with ADD CONSTRAINT ...
-- PRIMARY KEY USING INDEX, with a comment about the NOT NULL it implies.
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, id); -- expect: add-primary-key@20

-- Unnamed: named as PostgreSQL would name it, table_pkey.
ALTER TABLE public."Events" ADD PRIMARY KEY (id); -- expect: add-primary-key@29

-- No fix: DEFERRABLE, ONLY, another action.
ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED; -- expect: add-primary-key@20
ALTER TABLE ONLY events ADD CONSTRAINT events_pk PRIMARY KEY (id); -- expect: add-primary-key@25
ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD CONSTRAINT orders_pkey PRIMARY KEY (tenant_id, id); -- expect: add-primary-key@49
