-- Renaming columns of existing tables (and views).
ALTER TABLE users RENAME COLUMN email TO email_address; -- expect: rename-column@1 "`users`.`email` to `email_address`"
ALTER TABLE public.orders RENAME total TO total_amount; -- expect: rename-column@1 "`public.orders`.`total`"
ALTER TABLE IF EXISTS ONLY orders RENAME COLUMN note TO notes; -- expect: rename-column@1
ALTER VIEW active_users RENAME COLUMN email TO mail; -- expect: rename-column@1 "`active_users`"

-- Reported where the statement starts.
-- expect-next: rename-column@1 "`created`"
ALTER TABLE orders
  RENAME COLUMN created TO created_at;

-- A chain of renames that starts from a column deployed code knows: each step.
ALTER TABLE users RENAME COLUMN phone TO phone_old; -- expect: rename-column@1 "`phone` to `phone_old`"
ALTER TABLE users RENAME COLUMN phone_old TO phone_legacy; -- expect: rename-column@1 "`phone_old` to `phone_legacy`"
-- An existing table renamed is not a new table: its columns are still known.
ALTER TABLE customers RENAME TO clients;
ALTER TABLE clients RENAME COLUMN fax TO fax_number; -- expect: rename-column@1 "`clients`.`fax`"
-- A column added to another table of the same name in another schema.
ALTER TABLE audit.users ADD COLUMN login text;
ALTER TABLE billing.users RENAME COLUMN login TO username; -- expect: rename-column@1 "`billing.users`.`login`"
