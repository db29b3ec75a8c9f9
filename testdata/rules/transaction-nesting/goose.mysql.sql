-- ddlint-test: runner=goose
-- goose runs each migration in a transaction: a BEGIN in the file commits it.
-- +goose Up
INSERT INTO plans (name) VALUES ('pro');
START TRANSACTION; -- expect: transaction-nesting@1 "START TRANSACTION inside the transaction the migration runner opens: the server commits the runner's transaction implicitly"
INSERT INTO plans (name) VALUES ('team');
COMMIT;

-- +goose Down
DELETE FROM plans WHERE name IN ('pro', 'team');
