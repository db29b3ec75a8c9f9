-- Renaming columns of existing tables (and views).
ALTER TABLE users RENAME COLUMN email TO email_address; -- expect: rename-column@1 "`users`.`email` to `email_address`"
ALTER TABLE public.orders RENAME total TO total_amount; -- expect: rename-column@1 "`public.orders`.`total`"
ALTER TABLE IF EXISTS ONLY orders RENAME COLUMN note TO notes; -- expect: rename-column@1
ALTER VIEW active_users RENAME COLUMN email TO mail; -- expect: rename-column@1 "`active_users`"

-- Reported where the statement starts.
-- expect-next: rename-column@1 "`created`"
ALTER TABLE orders
  RENAME COLUMN created TO created_at;
