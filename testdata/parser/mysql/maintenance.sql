-- OPTIMIZE TABLE lowers to the maintenance rebuild (Vacuum full) with its tables.
OPTIMIZE TABLE users;
OPTIMIZE NO_WRITE_TO_BINLOG TABLE app.users, `orders`;
OPTIMIZE LOCAL TABLES logs NOWAIT;
-- CHECK ... NOT ENFORCED is recorded (MySQL checks no row).
ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0) NOT ENFORCED, ADD CHECK (age < 200) ENFORCED;
ALTER TABLE users ADD COLUMN score INT CHECK (score > 0) NOT ENFORCED;
