CREATE TABLE posts (
  id INT NOT NULL AUTO_INCREMENT,
  user_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  body TEXT,
  PRIMARY KEY (id),
  KEY posts_title_idx (title),
  CONSTRAINT posts_title_length CHECK (CHAR_LENGTH(title) > 0)
) ENGINE=InnoDB;

CREATE INDEX posts_user_published_idx ON posts (user_id, published);
