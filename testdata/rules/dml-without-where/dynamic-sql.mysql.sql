-- A statement prepared from a plain string literal is linted where it runs,
-- with positions inside the literal.
SET @s = 'DELETE FROM sessions'; -- expect: dml-without-where@11 "DELETE from `sessions`"
PREPARE purge FROM @s;
EXECUTE purge;
PREPARE wipe FROM 'UPDATE users SET newsletter = 0'; -- expect: dml-without-where@20 "UPDATE of `users`"
EXECUTE wipe;
-- Either branch of IF(...) may run: each is linted.
SET @t = IF(@ready, 'DELETE FROM carts', 'SELECT 1'); -- expect: dml-without-where@22 "DELETE from `carts`"
PREPARE maybe FROM @t;
EXECUTE maybe;
-- Clean: text that is set but never prepared and executed, and a literal with a WHERE.
SET @unused = 'DELETE FROM audit_events';
PREPARE never_run FROM 'DELETE FROM audit_events';
PREPARE ok FROM 'DELETE FROM sessions WHERE id = 1';
EXECUTE ok;
