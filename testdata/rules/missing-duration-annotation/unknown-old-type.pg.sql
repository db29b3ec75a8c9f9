-- The old type of `code` is unknown: the table is rewritten only if it is not
-- already varchar(255) or a narrower varchar, so the message says "may rewrite".
-- expect-next: missing-duration-annotation@1 "this migration may rewrite `products`, rewrites `invoices` but"
ALTER TABLE products ALTER COLUMN code TYPE varchar(255);
-- A USING expression rewrites whatever the old type is.
ALTER TABLE invoices ALTER COLUMN total TYPE numeric(20, 2) USING total::numeric(20, 2);
