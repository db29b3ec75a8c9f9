-- ddlint-test: runner=goose
-- Inside the runner's transaction the ACCESS EXCLUSIVE lock of ADD CONSTRAINT
-- is held through the VALIDATE scan: the fix says to split the steps.
-- +goose Up
-- Run each of these steps in its own transaction (one migration each, or a migration without a transaction): in one transaction the lock ADD CONSTRAINT takes is held through the VALIDATE scan.
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19
ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;

-- +goose Down
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
