CREATE TABLE archived (id bigint);
CREATE TABLE retired (id bigint);
CREATE TABLE current (id bigint);
ALTER TABLE archived RENAME TO archived_bkp;
