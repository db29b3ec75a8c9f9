-- Rows that make the changes of testdata/cli/preflight/migration.sql fail
-- (the counts each check must find are in expected.txt).
CREATE TABLE users (id bigint, org_id bigint, email text, code text);
INSERT INTO users VALUES (1, 1, 'a@x', 'A'), (1, 1, NULL, 'A'), (2, NULL, 'b@x', 'B'),
  (3, 3, 'b@x', 'B'), (4, 4, NULL, 'C'), (5, NULL, 'c@x', 'D');
CREATE TABLE orders (id bigint, user_id bigint, total int, note text);
INSERT INTO orders VALUES (1, 1, 5, 'short'), (2, 9, -1, 'a note that is longer than twenty'),
  (3, NULL, 0, NULL), (4, 8, -2, 'another note that is too long'), (5, 7, 3, 'ok');
CREATE TABLE "Orders" ("Qty" int);
INSERT INTO "Orders" VALUES (1), (NULL);
CREATE SEQUENCE orders_seq;
CREATE TYPE ticket_state AS ENUM ('open', 'pending', 'closed', 'Open');
CREATE TABLE tickets (id int, state ticket_state);
INSERT INTO tickets VALUES (1, 'open'), (2, 'pending'), (3, 'closed'), (4, NULL), (5, 'Open');
