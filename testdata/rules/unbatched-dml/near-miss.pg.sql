-- Bounded statements.
UPDATE users SET plan = 'free' WHERE plan IS NULL AND id >= 1 AND id < 10001;
UPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000 AND plan IS NULL;
UPDATE users u SET plan = 'free' WHERE u.id < 10000;
UPDATE users SET plan = 'free' WHERE 10000 >= id;
UPDATE settings SET value = 'on' WHERE id = 42;
UPDATE settings SET value = 'on' WHERE id IN (1, 2, 3);
UPDATE settings SET value = 'on' WHERE id = ANY('{1,2,3}'::bigint[]);
UPDATE settings SET value = 'on' WHERE id = $1;
DELETE FROM t_role_menu WHERE role_id = 100002 AND menu_id = 120302;
DELETE FROM plugin_step WHERE plugin_id = (SELECT id FROM plugin_metadata WHERE name = 'CraneCopy');
DELETE FROM events WHERE id IN (SELECT id FROM events WHERE created_at < now() - interval '90 days' LIMIT 5000);
DELETE FROM events WHERE ctid = ANY(ARRAY(SELECT ctid FROM events WHERE old LIMIT 1000));
WITH batch AS (SELECT id FROM users WHERE plan IS NULL LIMIT 1000)
UPDATE users SET plan = 'free' FROM batch WHERE users.id = batch.id;
UPDATE users SET plan = 'free' FROM (SELECT id FROM users WHERE plan IS NULL FETCH FIRST 1000 ROWS ONLY) b
WHERE users.id = b.id;
DELETE FROM events USING (SELECT id FROM events ORDER BY id LIMIT 100) b WHERE events.id = b.id;
DELETE FROM queue WHERE CURRENT OF queue_cursor;
UPDATE "Accounts" SET "status" = 'x' WHERE "accountId" = 7;
UPDATE act_ge_property SET value_ = '6.0' WHERE id_ = 'schema.version';
-- No WHERE at all: dml-without-where reports it, not this rule.
UPDATE users SET plan = 'free';
DELETE FROM sessions;
-- Tables created earlier in the file.
CREATE TABLE plan_limits (plan text PRIMARY KEY, seats int);
INSERT INTO plan_limits VALUES ('free', 1), ('team', 10);
UPDATE plan_limits SET seats = seats * 2 WHERE plan = 'team';
DELETE FROM plan_limits WHERE seats > 5;
-- Equality on a natural key picks out reference rows.
UPDATE act_ge_property SET value_ = '6.0' WHERE name_ = 'schema.version';
DELETE FROM plugin_metadata WHERE name IN ('GoLang-migrate', 'Sonarqube');
UPDATE dashboard_user SET password = 'x' WHERE user_name = 'admin';
UPDATE countries SET label = 'Czechia' WHERE code = 'CZ';
