-- +goose Up
-- expect-next: duration-over-budget@1
-- Expected duration: 30 minutes
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

-- +goose Down
DROP INDEX orders_placed_at_idx;
