-- The schema before the first migration (as pg_dump -s writes it).
CREATE TABLE public.orders (
    id bigint NOT NULL,
    note text
);
