-- lock_timeout values as PostgreSQL reads them (bare numbers are ms).
SET lock_timeout = 0;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN a text; -- expect: missing-lock-timeout@1 "disabled"
SET lock_timeout = '0';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN b text; -- expect: missing-lock-timeout@1 "disabled"
SET lock_timeout = '1min';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN c text; -- expect: missing-lock-timeout@1 "1min, above the maximum of 5s"
SET lock_timeout = 6000;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN d text; -- expect: missing-lock-timeout@1 "6s"
SET lock_timeout = '2S';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN e text; -- expect: missing-lock-timeout@1 "PostgreSQL rejects"
SET lock_timeout = '2 seconds';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN f text; -- expect: missing-lock-timeout@1 "rejects"
SET lock_timeout = -1;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN g text; -- expect: missing-lock-timeout@1 "`-1`, a value PostgreSQL rejects"
SET lock_timeout TO DEFAULT;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN h text; -- expect: missing-lock-timeout@1 "no lock_timeout set"
SET lock_timeout = '0.4ms';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN i text; -- expect: missing-lock-timeout@1 "disabled"
SET lock_timeout = '1d';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN j text; -- expect: missing-lock-timeout@1 "1d, above"
SET lock_timeout = '6e3';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN k text; -- expect: missing-lock-timeout@1 "6s, above"
SET lock_timeout = 'ms';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN l text; -- expect: missing-lock-timeout@1 "rejects"
SET lock_timeout = '';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN m text; -- expect: missing-lock-timeout@1 "rejects"
SET lock_timeout = '2s 3s';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN n text; -- expect: missing-lock-timeout@1 "rejects"
SET lock_timeout = '3000000000';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN o text; -- expect: missing-lock-timeout@1 "rejects"
