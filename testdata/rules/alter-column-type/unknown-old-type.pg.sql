-- A change to varchar, text or numeric of a column whose type ddlint does not
-- know is a catalog-only widening from some old types and a rewrite from the
-- others: a conditional finding naming the types that make it safe.
ALTER TABLE accounts ALTER COLUMN name TYPE text; -- expect: alter-column-type@22 "unless `name` already is `text` or `varchar`"
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(64); -- expect: alter-column-type@22 "unless `code` already is `varchar(64)` or `varchar(n)` with n <= 64"
ALTER TABLE accounts ALTER COLUMN label TYPE varchar; -- expect: alter-column-type@22 "unless `label` already is `varchar` of any length or `text`"
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(20,2); -- expect: alter-column-type@22 "unless `balance` already is `numeric(20,2)` or `numeric(p,2)` with p <= 20"
ALTER TABLE accounts ALTER COLUMN ratio TYPE numeric; -- expect: alter-column-type@22 "unless `ratio` already is any `numeric`"
-- Near miss: once the history says what the column is, the verdict is certain.
CREATE TABLE ledgers (id bigint, amount numeric(12,2));
ALTER TABLE ledgers ALTER COLUMN amount TYPE numeric(20,2);
