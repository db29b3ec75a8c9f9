CREATE TABLE posts (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL,
  title text NOT NULL,
  published boolean NOT NULL DEFAULT false,
  CONSTRAINT posts_title_length CHECK (length(title) <= 200)
);

CREATE INDEX posts_user_id_idx ON posts (user_id);
