-- The old type is unknown: a copy unless the column already has the type.
ALTER TABLE users MODIFY age BIGINT NOT NULL; -- expect: alter-column-type@30 "unless `age` already is `bigint`"
ALTER TABLE users MODIFY code VARCHAR(60); -- expect: alter-column-type@31 "or a shorter VARCHAR within the same length prefix"
ALTER TABLE users MODIFY status ENUM('new', 'paid'); -- expect: alter-column-type@33 "or the same members without the last ones"
-- Known old types (restated by the statement before).
ALTER TABLE users MODIFY code VARCHAR(64); -- expect: alter-column-type@31 "from `varchar(60)` to `varchar(64)` (VARCHAR length prefix grows to 2 bytes)"
ALTER TABLE users MODIFY code VARCHAR(32); -- expect: alter-column-type@31 "(VARCHAR shrink)"
ALTER TABLE users ADD COLUMN latin VARCHAR(200) CHARACTER SET latin1;
ALTER TABLE users MODIFY latin VARCHAR(256) CHARACTER SET latin1; -- expect: alter-column-type@32 "2 bytes"
ALTER TABLE users ADD COLUMN score INT;
ALTER TABLE users MODIFY score INT UNSIGNED; -- expect: alter-column-type@32 "from `int` to `int unsigned`"
ALTER TABLE users CHANGE score points BIGINT; -- expect: alter-column-type@39 "column `score` of `users` (renamed `points`) from `int unsigned` to `bigint`"
ALTER TABLE users ADD COLUMN state ENUM('a', 'b');
ALTER TABLE users MODIFY state ENUM('b', 'a'); -- expect: alter-column-type@32 "(type change)"
-- A character set written on one side only: the other is the table's default, unknown here.
ALTER TABLE users ADD COLUMN slug VARCHAR(100) CHARACTER SET ascii;
ALTER TABLE users MODIFY slug VARCHAR(100) NOT NULL; -- expect: alter-column-type@31 "unless the table's default character set is `ascii`"
ALTER TABLE users MODIFY slug VARCHAR(10) CHARACTER SET ascii; -- expect: alter-column-type@31 "(VARCHAR shrink)"
-- A CHANGE that renames a column whose type is unknown: the condition names the column as it is now.
ALTER TABLE events CHANGE timeout check_timeout INT NOT NULL; -- expect: alter-column-type@49 "restating column `timeout` of `events` (renamed `check_timeout`) as `int` copies the table unless `timeout` already is `int`"
