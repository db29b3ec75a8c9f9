-- Rows that make the changes of testdata/cli/preflight-mysql/migration.sql
-- fail: email NULL or longer than 100 (2 + 1), a duplicate email (1 key),
-- orders whose user does not exist (2), qty not positive (2).
CREATE TABLE users (id BIGINT, email VARCHAR(200));
INSERT INTO users VALUES (1, 'a@x'), (2, NULL), (3, 'a@x'), (4, NULL),
  (5, CONCAT(REPEAT('x', 120), '@x'));
CREATE TABLE orders (id BIGINT, user_id BIGINT, qty BIGINT);
INSERT INTO orders VALUES (1, 1, 5), (2, 9, 0), (3, 8, -1), (4, NULL, 2);
