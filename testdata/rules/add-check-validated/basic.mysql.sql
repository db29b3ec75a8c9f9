-- MySQL 8.0.16+ checks every existing row of a new CHECK while it copies the table.
ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0); -- expect: add-check-validated@19 "checks every existing row while `users` is copied (ALGORITHM=COPY"
ALTER TABLE users ADD CHECK (age < 200) ENFORCED; -- expect: add-check-validated@19
ALTER TABLE users ADD COLUMN score INT CHECK (score > 0); -- expect: add-check-validated@40 "a column with a CHECK"
