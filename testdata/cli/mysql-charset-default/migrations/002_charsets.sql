-- rules has the table default utf8mb4 already: restating it changes nothing.
ALTER TABLE r MODIFY COLUMN rules VARCHAR(512) NOT NULL CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- latin1 to utf8mb4 is a real change.
ALTER TABLE r2 MODIFY COLUMN rules VARCHAR(512) NOT NULL CHARSET utf8mb4;
-- Restated without a character set: the same definition, nothing changes.
ALTER TABLE r MODIFY COLUMN rules VARCHAR(512) NOT NULL;
ALTER TABLE r2 MODIFY COLUMN note VARCHAR(20);
