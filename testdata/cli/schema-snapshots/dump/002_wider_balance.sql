SET lock_timeout = '2s';
ALTER TABLE public.accounts ALTER COLUMN balance TYPE numeric(18,2);
ALTER TABLE public.accounts ALTER COLUMN id TYPE bigint;
