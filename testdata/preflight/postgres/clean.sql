-- The same tables with rows every change of testdata/cli/preflight/migration.sql
-- accepts: every check must count 0 (users must be empty for its new NOT NULL
-- column without a default).
CREATE TABLE users (id bigint, org_id bigint, email text, code text);
CREATE TABLE orders (id bigint, user_id bigint, total int, note text);
INSERT INTO orders VALUES (1, NULL, 5, 'short'), (2, NULL, 0, NULL);
CREATE TABLE "Orders" ("Qty" int);
INSERT INTO "Orders" VALUES (1), (2);
CREATE TYPE ticket_state AS ENUM ('open', 'pending', 'closed', 'Open');
CREATE TABLE tickets (id int, state ticket_state);
INSERT INTO tickets VALUES (1, 'open'), (3, 'closed'), (4, NULL);
