ALTER TABLE users ADD UNIQUE KEY uk_users_e (e);
ALTER TABLE users ADD UNIQUE KEY uk_users_f (f);
CREATE INDEX idx_users_g ON users (g);
