-- Index builds on existing tables block writes.
CREATE INDEX users_email_idx ON users (email); -- expect: create-index-non-concurrently@1
CREATE UNIQUE INDEX IF NOT EXISTS orders_ref_idx ON public.orders (ref); -- expect: create-index-non-concurrently@1

-- expect-next: create-index-non-concurrently@1
CREATE INDEX
  events_created_idx ON events (created_at);
