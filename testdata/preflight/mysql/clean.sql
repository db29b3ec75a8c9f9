-- The same tables with rows every change of testdata/cli/preflight-mysql/migration.sql accepts.
CREATE TABLE users (id BIGINT, email VARCHAR(200));
INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x');
CREATE TABLE orders (id BIGINT, user_id BIGINT, qty BIGINT);
INSERT INTO orders VALUES (1, 1, 5), (2, NULL, 2);
