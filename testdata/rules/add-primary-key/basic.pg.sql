-- Primary keys added to existing tables build their index under ACCESS EXCLUSIVE.
ALTER TABLE events ADD PRIMARY KEY (id); -- expect: add-primary-key@20 "a PRIMARY KEY on (id) to `events`"
ALTER TABLE public.events ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, id); -- expect: add-primary-key@27 "`events_pkey` on (tenant_id, id) to `public.events`"
ALTER TABLE ONLY events ADD CONSTRAINT events_pk PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED; -- expect: add-primary-key@25

-- Inline PRIMARY KEY in ADD COLUMN, reported at the constraint.
ALTER TABLE legacy_events ADD COLUMN id bigint NOT NULL DEFAULT 0 PRIMARY KEY; -- expect: add-primary-key@67 "`id`"

-- Reported at the action in a multi-action statement.
ALTER TABLE orders
  DROP CONSTRAINT orders_pkey,
  ADD CONSTRAINT orders_pkey -- expect: add-primary-key@3 "`orders`"
    PRIMARY KEY (tenant_id, id);
