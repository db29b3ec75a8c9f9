-- Written for PostgreSQL 18: the build's parser reads the PostgreSQL 15 grammar.
CREATE TABLE payments (id bigint, amount numeric, net numeric GENERATED ALWAYS AS (amount * 0.8) VIRTUAL);
CREATE INDEX payments_amount_idx ON payments (amount);
ALTER TABLE payments ADD CONSTRAINT payments_amount_not_null NOT NULL amount;
SELECT count(*) FROM (SELECT * FROM payments);
DROP TABLE legacy_payments;
