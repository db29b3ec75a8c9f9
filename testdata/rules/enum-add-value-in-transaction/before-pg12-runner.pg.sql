-- ddlint-test: pg_version=11 assume_in_transaction=true rules=concurrently-in-transaction
-- Reported once, by this rule only.
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid'; -- expect: enum-add-value-in-transaction@1 "transaction the migration runner opens"
