-- The runner is not known: only the block at the end shows that the
-- statements before it run outside a transaction, so their findings are held
-- until then. They name what the statements wrote: quoted, upper-case,
-- qualified and over-long names (PostgreSQL keeps 63 bytes).
ALTER TABLE "Users" ADD COLUMN "Nick""Name" text; -- expect: non-idempotent-ddl@21 "Name` to `Users` has no IF NOT EXISTS and runs outside a transaction in a migration of several statements"
-- expect-next: non-idempotent-ddl@22 "ADD COLUMN `email` to `accounts`", non-idempotent-ddl@45 "DROP COLUMN `old` of `accounts`", non-idempotent-ddl@62 "DROP CONSTRAINT `accounts_check` of `accounts`"
ALTER TABLE Accounts ADD COLUMN Email text, DROP COLUMN Old, DROP CONSTRAINT Accounts_Check;
ALTER TABLE billing.invoices ADD COLUMN total numeric; -- expect: non-idempotent-ddl@30 "ADD COLUMN `total` to `billing.invoices`"
ALTER TABLE billing . invoices ADD COLUMN tax numeric; -- expect: non-idempotent-ddl@21 "ADD COLUMN `tax` to `billing.invoices`"
-- expect-next: non-idempotent-ddl@32 "ADD COLUMN `a_column_whose_name_is_longer_than_the_sixty_three_bytes_postgr` to `billing.invoices`"
ALTER TABLE "billing".invoices ADD COLUMN a_column_whose_name_is_longer_than_the_sixty_three_bytes_postgres_keeps int;
CREATE TABLE "Billing".plans (id int); -- expect: non-idempotent-ddl@1 "CREATE TABLE `Billing.plans` has no IF NOT EXISTS"
CREATE INDEX "Plans_Idx" ON "Billing".plans (id); -- expect: non-idempotent-ddl@1 "CREATE INDEX `Plans_Idx` has no IF NOT EXISTS"
CREATE INDEX ON "Billing".plans (id); -- expect: non-idempotent-ddl@1 "CREATE INDEX on `Billing.plans` has no name"
DROP TRIGGER plans_audit ON "Billing".plans; -- expect: non-idempotent-ddl@1 "DROP TRIGGER `plans_audit` on `plans` has no IF EXISTS"
DROP INDEX billing."Old_Idx"; -- expect: non-idempotent-ddl@1 "DROP INDEX `billing.Old_Idx` has no IF EXISTS"
CREATE SCHEMA reporting; -- expect: non-idempotent-ddl@1 "CREATE SCHEMA has no IF NOT EXISTS"
BEGIN;
CREATE TABLE inside_block (id int);
COMMIT;
