-- Index builds on existing tables block writes.
CREATE INDEX users_email_idx ON users (email); -- expect: create-index-non-concurrently
CREATE UNIQUE INDEX IF NOT EXISTS orders_ref_idx ON public.orders (ref); -- expect: create-index-non-concurrently

-- expect-next: create-index-non-concurrently
CREATE INDEX
  events_created_idx ON events (created_at);
