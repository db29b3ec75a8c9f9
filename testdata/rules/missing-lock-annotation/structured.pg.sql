-- ddlint: duration=10m locks=users:write
CREATE INDEX users_email_idx ON users (email);
