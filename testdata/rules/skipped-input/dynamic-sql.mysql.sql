-- ddlint-test: rules=syntax-error
-- SQL built at run time that ddlint cannot read is reported at the EXECUTE
-- that runs it.
CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2));
SET @s = CONCAT('ALTER TABLE orders ADD COLUMN ', @col, ' INT');
PREPARE add_col FROM @s;
EXECUTE add_col; -- expect: skipped-input@1 "`EXECUTE add_col` (`PREPARE add_col FROM @s`, line 6) runs SQL built at run time that ddlint cannot read (its text starts `ALTER ...`)"
DEALLOCATE PREPARE add_col;
-- A variable this file never set.
PREPARE p2 FROM @ddl_from_elsewhere;
EXECUTE p2; -- expect: skipped-input@1 "`EXECUTE p2` (`PREPARE p2 FROM @ddl_from_elsewhere`, line 10) runs SQL built at run time that ddlint cannot read"
-- Escapes make the literal differ from the SQL the server gets.
PREPARE p3 FROM 'UPDATE orders SET total = 0 WHERE note = \'x\'';
EXECUTE p3; -- expect: skipped-input@1 "(its text starts `UPDATE ...`)"
-- MariaDB's EXECUTE IMMEDIATE.
EXECUTE IMMEDIATE CONCAT('DROP TABLE ', @old); -- expect: skipped-input@1 "`EXECUTE IMMEDIATE CONCAT('DROP TABLE ', @old)` runs SQL built at run time that ddlint cannot read (its text starts `DROP ...`)"
-- A name this file never prepared.
EXECUTE prepared_elsewhere; -- expect: skipped-input@1 "`EXECUTE prepared_elsewhere` runs a prepared statement this file does not prepare: ddlint cannot see it"
