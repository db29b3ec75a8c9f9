ALTER TABLE archived_bkp RENAME TO archived;
DROP TABLE current;
DROP TABLE retired;
DROP TABLE archived;
