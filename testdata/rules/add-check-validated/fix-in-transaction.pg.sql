-- ddlint-test: runner=dbmate
-- Inside the runner's transaction VALIDATE would scan under the ACCESS
-- EXCLUSIVE lock ADD CONSTRAINT holds until commit: the fix says to run it
-- in its own.
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0); -- expect: add-check-validated@20

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;
