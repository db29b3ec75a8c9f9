-- Primary keys added to existing tables build their index under ACCESS EXCLUSIVE.
-- PRIMARY KEY USING INDEX makes the key columns NOT NULL: a nullable one is scanned under ACCESS EXCLUSIVE, so make it NOT NULL first (see set-not-null).
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey; -- expect: add-primary-key@20 "a PRIMARY KEY on (id) to `events`"
-- PRIMARY KEY USING INDEX makes the key columns NOT NULL: a nullable one is scanned under ACCESS EXCLUSIVE, so make it NOT NULL first (see set-not-null).
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON public.events (tenant_id, id);
ALTER TABLE public.events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey; -- expect: add-primary-key@27 "`events_pkey` on (tenant_id, id) to `public.events`"
ALTER TABLE ONLY events ADD CONSTRAINT events_pk PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED; -- expect: add-primary-key@25

-- Inline PRIMARY KEY in ADD COLUMN, reported at the constraint.
ALTER TABLE legacy_events ADD COLUMN id bigint NOT NULL DEFAULT 0 PRIMARY KEY; -- expect: add-primary-key@67 "`id`"

-- Reported at the action in a multi-action statement.
ALTER TABLE orders
  DROP CONSTRAINT orders_pkey,
  ADD CONSTRAINT orders_pkey -- expect: add-primary-key@3 "`orders`"
    PRIMARY KEY (tenant_id, id);
