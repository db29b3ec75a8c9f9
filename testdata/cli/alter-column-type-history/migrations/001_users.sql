CREATE TABLE users (id int PRIMARY KEY, nickname varchar(20), score numeric(8,2));
