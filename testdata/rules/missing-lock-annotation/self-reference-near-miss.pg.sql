-- ddlint-test: rules=missing-lock-annotation
-- A table whose only foreign key refers to itself blocks no existing table.
CREATE TABLE builds (id bigint PRIMARY KEY, parent_id bigint REFERENCES builds (id));
CREATE TABLE comments (
  id bigint PRIMARY KEY,
  reply_to bigint,
  CONSTRAINT comments_reply_to_fkey FOREIGN KEY (reply_to) REFERENCES comments (id)
);
