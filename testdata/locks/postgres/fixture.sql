-- Tables the lock cases run against (created once per test run).
CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text,
  org_id bigint,
  legacy text
);
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD CONSTRAINT users_org_fk_nv FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_id_pos_nv CHECK (id > 0) NOT VALID;
CREATE TABLE audit_log (id bigint, payload text);
CREATE MATERIALIZED VIEW user_counts AS SELECT org_id, count(*) AS n FROM users GROUP BY org_id;
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 (id bigint, at date);
CREATE FUNCTION audit_trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER users_audit_trg AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_trg();
CREATE POLICY users_pol ON users USING (true);
CREATE RULE audit_log_noop AS ON UPDATE TO audit_log DO ALSO NOTHING;
CREATE SEQUENCE users_seq;
