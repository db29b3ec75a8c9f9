-- ddlint-test: runner=goose
-- Inside the runner's transaction the ACCESS EXCLUSIVE lock of ADD CONSTRAINT
-- is held through the VALIDATE scan: the fix says to split the steps.
-- +goose Up
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19

-- +goose Down
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
