-- The unsafe fix (outside a transaction only): build the index with CREATE
-- UNIQUE INDEX CONCURRENTLY first, then adopt it with ADD CONSTRAINT ...
-- PRIMARY KEY USING INDEX, with a comment about the NOT NULL it implies.
-- PRIMARY KEY USING INDEX makes the key columns NOT NULL: a nullable one is scanned under ACCESS EXCLUSIVE, so make it NOT NULL first (see set-not-null).
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (tenant_id, id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey; -- expect: add-primary-key@20

-- Unnamed: named as PostgreSQL would name it, table_pkey.
-- PRIMARY KEY USING INDEX makes the key columns NOT NULL: a nullable one is scanned under ACCESS EXCLUSIVE, so make it NOT NULL first (see set-not-null).
CREATE UNIQUE INDEX CONCURRENTLY "Events_pkey" ON public."Events" (id);
ALTER TABLE public."Events" ADD CONSTRAINT "Events_pkey" PRIMARY KEY USING INDEX "Events_pkey"; -- expect: add-primary-key@29

-- No fix: DEFERRABLE, ONLY, another action.
ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED; -- expect: add-primary-key@20
ALTER TABLE ONLY events ADD CONSTRAINT events_pk PRIMARY KEY (id); -- expect: add-primary-key@25
ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD CONSTRAINT orders_pkey PRIMARY KEY (tenant_id, id); -- expect: add-primary-key@49
