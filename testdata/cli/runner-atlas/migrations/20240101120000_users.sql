-- Create "users" table
CREATE TABLE "users" ("id" bigint NOT NULL, "email" text NOT NULL, "name" text NULL, PRIMARY KEY ("id"));
