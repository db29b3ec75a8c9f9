-- Stored generated columns added to existing tables rewrite them, whatever the expression.
ALTER TABLE users ADD COLUMN email_domain text GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED; -- expect: add-column-stored-generated@48 "`email_domain`"
ALTER TABLE public.invoices ADD COLUMN gross numeric GENERATED ALWAYS AS (net + tax) STORED; -- expect: add-column-stored-generated@54 "`public.invoices`"
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS one int GENERATED ALWAYS AS (1) STORED; -- expect: add-column-stored-generated@55

-- Reported at the GENERATED clause, one finding per column.
ALTER TABLE invoices
  ADD COLUMN note text,
  ADD COLUMN total numeric NOT NULL
    GENERATED ALWAYS AS (net + tax + fee) STORED; -- expect: add-column-stored-generated@5 "`total`"
