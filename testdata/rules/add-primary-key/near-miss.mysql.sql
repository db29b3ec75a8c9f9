-- Clean: other keys, and a table created in this file.
ALTER TABLE users ADD UNIQUE KEY uq_email (email);
ALTER TABLE users ADD INDEX idx_name (name);
CREATE TABLE logs (id BIGINT NOT NULL, msg TEXT);
ALTER TABLE logs ADD PRIMARY KEY (id);
