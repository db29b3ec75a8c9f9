-- DDL on a new table plus a backfill into it (from an existing table).
CREATE TABLE user_plans (user_id bigint, plan text);
CREATE INDEX user_plans_user_idx ON user_plans (user_id);
INSERT INTO user_plans SELECT id, plan FROM users;
UPDATE user_plans SET plan = 'free' WHERE plan IS NULL;
ALTER TABLE user_plans ALTER COLUMN plan SET NOT NULL;
