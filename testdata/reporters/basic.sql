-- ddlint-ignore drop-column -- column unused since v41
ALTER TABLE users DROP COLUMN legacy;
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN org_id bigint REFERENCES orgs (id);
SELECT 1 FROM;
