-- DDL inside a BEGIN block commits the block (MySQL has no transactional DDL):
-- reported at the DDL, once per block.
START TRANSACTION;
INSERT INTO audit_log (event) VALUES ('migrate');
ALTER TABLE users ADD COLUMN nickname VARCHAR(50); -- expect: transaction-nesting@1 "this statement commits the transaction the file's START TRANSACTION opened"
UPDATE users SET nickname = name WHERE id < 100;
ROLLBACK;
BEGIN;
CREATE TABLE tags (id BIGINT PRIMARY KEY); -- expect: transaction-nesting@1 "the file's BEGIN opened: the server cannot run it inside a transaction"
CREATE INDEX idx_tags ON tags (id);
COMMIT;
-- A BEGIN that only DDL ever ends is not left open.
BEGIN;
DROP TABLE IF EXISTS old_tags; -- expect: transaction-nesting@1 "commits the transaction"
