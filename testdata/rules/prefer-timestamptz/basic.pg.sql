-- timestamp without time zone, at the type, in every spelling.
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  placed_at timestamp NOT NULL DEFAULT now(), -- expect: prefer-timestamptz@13 "column `placed_at` of `orders` is `timestamp`"
  shipped_at TIMESTAMP(3), -- expect: prefer-timestamptz@14 "`TIMESTAMP(3)`"
  paid_at timestamp without time zone, -- expect: prefer-timestamptz@11 "`timestamp without time zone`"
  billed_at timestamp(6) -- expect: prefer-timestamptz@13 "`timestamp(6) WITHOUT TIME ZONE`"
    WITHOUT TIME ZONE,
  history timestamp[], -- expect: prefer-timestamptz@11 "`timestamp[]`"
  audited_at pg_catalog.timestamp -- expect: prefer-timestamptz@14
);

ALTER TABLE orders ADD COLUMN refunded_at timestamp; -- expect: prefer-timestamptz@43 "`refunded_at`"
ALTER TABLE public.orders
  ADD COLUMN note text,
  ADD COLUMN closed_at timestamp DEFAULT CURRENT_TIMESTAMP; -- expect: prefer-timestamptz@24 "`public.orders`"
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp(0); -- expect: prefer-timestamptz@48 "column `placed_at`"
