-- Triggers, policies and rules lock their table (checked against the server:
-- testdata/locks/postgres): CREATE TRIGGER takes SHARE ROW EXCLUSIVE, the
-- others ACCESS EXCLUSIVE, so each waits behind a long transaction.
SET lock_timeout = '5s';
CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: missing-lock-timeout@1 "waits for SHARE ROW EXCLUSIVE on `users` with no lock_timeout set"
SET lock_timeout = '2s';
DROP TRIGGER users_audit ON users;
CREATE POLICY users_self ON users USING (true);
RESET lock_timeout;
SET lock_timeout = '5s';
CREATE RULE orders_noop AS ON UPDATE TO orders DO ALSO NOTHING; -- expect: missing-lock-timeout@1 "waits for ACCESS EXCLUSIVE on `orders`"
