-- The history has the table: this drop loses it unless the down brings it back.
DROP TABLE retired;
