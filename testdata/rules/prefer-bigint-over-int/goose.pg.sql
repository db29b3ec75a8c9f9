-- ddlint-test: runner=goose
-- The down section's DROP TABLE does not undo the up section's finding.
-- +goose Up
CREATE TABLE orders (id serial PRIMARY KEY); -- expect: prefer-bigint-over-int@25

-- +goose Down
DROP TABLE orders;
