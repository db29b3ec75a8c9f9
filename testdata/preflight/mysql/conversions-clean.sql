-- The same tables with values every change of
-- testdata/cli/preflight-mysql-conversions/migration.sql accepts.
CREATE TABLE tickets (id BIGINT, state ENUM('open', 'pending', 'closed'));
INSERT INTO tickets VALUES (1, 'open'), (3, 'closed');
CREATE TABLE imports (id BIGINT, qty VARCHAR(20), price VARCHAR(20), ratio VARCHAR(20), born VARCHAR(20));
INSERT INTO imports VALUES (1, '5', '12.50', '1e3', '2024-01-31'), (5, NULL, NULL, NULL, NULL),
  (6, '+7', '.5', '-0.25', '2024-1-5');
