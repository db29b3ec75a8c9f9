ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE posts VALIDATE CONSTRAINT posts_user_fk;
ALTER TYPE account_status ADD VALUE 'deleted';
ALTER TABLE users ADD COLUMN bio text DEFAULT '';
CREATE UNIQUE INDEX CONCURRENTLY ON posts (user_id, title);
