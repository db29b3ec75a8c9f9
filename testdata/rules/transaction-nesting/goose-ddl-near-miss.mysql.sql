-- ddlint-test: runner=goose
-- Clean: DDL in a goose migration commits goose's transaction, which is how
-- goose runs on MySQL; nothing in the file nests.
-- +goose Up
ALTER TABLE plans ADD COLUMN price DECIMAL(10,2);
UPDATE plans SET price = 0 WHERE id = 1;

-- +goose Down
ALTER TABLE plans DROP COLUMN price;
