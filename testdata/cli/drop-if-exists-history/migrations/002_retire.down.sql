CREATE TABLE retired (id bigint);
