-- Rows that make the changes of
-- testdata/cli/preflight-mysql-conversions/migration.sql fail in strict mode
-- (the counts each check must find are in conversions-expected.txt): states
-- outside the new enum, strings that are no number, out of range or no date.
CREATE TABLE tickets (id BIGINT, state ENUM('open', 'pending', 'closed'));
INSERT INTO tickets VALUES (1, 'open'), (2, 'pending'), (3, 'closed'), (4, NULL), (5, 'pending');
CREATE TABLE imports (id BIGINT, qty VARCHAR(20), price VARCHAR(20), ratio VARCHAR(20), born VARCHAR(20));
INSERT INTO imports VALUES (1, '5', '12.50', '1e3', '2024-01-31'), (2, '300', '1000', 'n/a', '2024-02-30'),
  (3, '-1', 'x', '2.5', 'soon'), (4, 'abc', '-999.99', 'none', '2024-12-01'), (5, NULL, NULL, NULL, NULL),
  (6, '+7', '.5', '-0.25', '2024-1-5');
