-- ddlint-test: runner=dbmate
-- Inside the runner's transaction VALIDATE would scan under the ACCESS
-- EXCLUSIVE lock ADD CONSTRAINT holds until commit: the fix says to run it
-- in its own.
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID; -- expect: add-check-validated@20
-- Run VALIDATE CONSTRAINT in its own transaction (after this one commits, or in a later migration): in this one it checks every row under the lock ADD CONSTRAINT holds until commit.
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;
