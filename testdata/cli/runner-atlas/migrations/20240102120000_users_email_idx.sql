-- Atlas runs each file in a transaction unless it says otherwise.
CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");
