-- Near misses (MySQL): a new table filled after it is created, bookkeeping rows, and
-- single-row changes.
CREATE TABLE plans (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL) ENGINE=InnoDB;
INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'pro');
ALTER TABLE plans ADD COLUMN price_cents BIGINT NOT NULL DEFAULT 0;
UPDATE plans SET price_cents = 900;
ALTER TABLE users ADD COLUMN plan_id BIGINT NULL;
UPDATE schema_version SET version = 42;
UPDATE settings SET value = 'on' WHERE id = 3;
