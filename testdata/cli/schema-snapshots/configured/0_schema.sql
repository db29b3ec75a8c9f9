CREATE TABLE events (id int PRIMARY KEY, payload varchar(200));
