-- CRLF line endings and non-ASCII text
CREATE TABLE `café` (
  `naïve` VARCHAR(10) DEFAULT 'é' COMMENT '名前',
  größe INT
);
ALTER TABLE `café` ADD COLUMN `über` INT AFTER größe;
UPDATE `café` SET größe = 1;
