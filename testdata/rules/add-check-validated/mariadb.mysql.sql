-- ddlint-test: mysql_version=mariadb-10.6
-- MariaDB enforces CHECK constraints and copies the table to check them.
ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0); -- expect: add-check-validated@19 "ALGORITHM=COPY"
