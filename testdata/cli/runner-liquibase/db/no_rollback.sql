--liquibase formatted sql

--changeset bob:1
ALTER TABLE users ADD COLUMN note text;
