-- SQL prepared from a plain string literal is lowered where it runs (at the
-- EXECUTE, just before its own statement), with ranges inside the literal.
SET @s = IF(@missing, 'ALTER TABLE t ADD COLUMN c INT', 'SELECT 1');
PREPARE add_c FROM @s;
EXECUTE add_c;
PREPARE wipe FROM "DELETE FROM t WHERE c IS NULL";
EXECUTE wipe;
EXECUTE IMMEDIATE 'DROP TABLE old_t';
-- Not run: never prepared and executed.
SET @later = 'DROP TABLE t';
-- Unreadable: assembled, escaped, or a name never prepared.
SET @x = CONCAT('ALTER TABLE ', @t, ' ENGINE=InnoDB');
PREPARE p FROM @x;
EXECUTE p;
PREPARE q FROM 'UPDATE t SET c = \'1\'';
EXECUTE q;
EXECUTE other;
