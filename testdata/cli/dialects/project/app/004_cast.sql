CREATE INDEX idx_users_d ON users ((payload::text));
