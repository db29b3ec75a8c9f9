-- Clean: adopting a concurrently built index, new tables, other constraints.
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;
ALTER TABLE events ADD PRIMARY KEY USING INDEX events_id_idx;

CREATE TABLE audit_log (id bigint NOT NULL, message text);
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE public.audit_log ADD COLUMN seq bigint PRIMARY KEY;

ALTER TABLE events ADD CONSTRAINT events_id_key UNIQUE (id);
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD COLUMN id2 bigint NOT NULL DEFAULT 0;
