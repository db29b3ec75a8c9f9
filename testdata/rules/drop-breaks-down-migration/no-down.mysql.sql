-- dbmate with an empty down section (MySQL).
-- migrate:up
ALTER TABLE users DROP COLUMN nickname; -- expect: drop-breaks-down-migration@19 "has no down migration"
DROP TABLE IF EXISTS `audit_2019`; -- expect: drop-breaks-down-migration@22 "drops table `audit_2019` if it exists and has no down migration"

-- migrate:down
