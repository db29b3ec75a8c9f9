-- ddlint-test: rules=syntax-error
-- mysql client commands that read other files are skipped with one finding
-- each, never a syntax error; DELIMITER is understood, not skipped.
-- expect-next: skipped-input@1 "mysql client command `source` skipped (not SQL): ddlint does not read the file it names"
source 001_base.sql
-- expect-next: skipped-input@1 "mysql client command `\.` skipped"
\. seed/colours.sql
CREATE TABLE colours (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
DELIMITER //
CREATE TRIGGER colours_name BEFORE INSERT ON colours FOR EACH ROW SET NEW.name = TRIM(NEW.name)//
DELIMITER ;
-- A column named `source` inside a statement is SQL.
CREATE TABLE imports (id INT PRIMARY KEY,
source VARCHAR(40));
