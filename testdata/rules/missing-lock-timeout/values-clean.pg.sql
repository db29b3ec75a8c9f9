-- Clean: every spelling below is at most 5s.
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN a text;
SET lock_timeout = 2000;
ALTER TABLE users ADD COLUMN b text;
SET lock_timeout TO '2000';
ALTER TABLE users ADD COLUMN c text;
SET lock_timeout = '500ms';
ALTER TABLE users ADD COLUMN d text;
SET SESSION lock_timeout = ' 5 s ';
ALTER TABLE users ADD COLUMN e text;
SET lock_timeout = '0.05min';
ALTER TABLE users ADD COLUMN f text;
SET lock_timeout = 1.5e3;
ALTER TABLE users ADD COLUMN g text;
SET lock_timeout = '1';
ALTER TABLE users ADD COLUMN h text;
