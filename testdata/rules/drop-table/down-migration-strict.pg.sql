-- ddlint-test: down_migrations=strict
-- -- +goose Down sections are linted with every rule under "strict". The
-- table was created by the Up section, but the Down section runs later,
-- when it holds data.
-- +goose Up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);

-- +goose Down
DROP TABLE audit_log; -- expect: drop-table@12
