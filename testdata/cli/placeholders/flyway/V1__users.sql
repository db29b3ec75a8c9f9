CREATE TABLE ${schema}.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE INDEX users_email_idx ON ${schema}.users (email);
