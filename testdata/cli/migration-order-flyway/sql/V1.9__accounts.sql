CREATE TABLE accounts (id bigint PRIMARY KEY, code varchar(10));
