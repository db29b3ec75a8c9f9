-- ddlint-test: rules=syntax-error
-- An empty WHERE is no WHERE: the server rejects the statement, so it is a
-- syntax error at the offending token, and it is not read as a filtered
-- UPDATE/DELETE (nor as an unfiltered one: it never runs).
DELETE FROM t WHERE; -- expect: syntax-error@15 "syntax error at end of input: the WHERE condition is empty"
UPDATE users SET plan = 'free' WHERE; -- expect: syntax-error@32 "the WHERE condition is empty"
DELETE FROM carts WHERE ORDER BY id; -- expect: syntax-error@25 "the WHERE condition is empty"
DELETE FROM carts WHERE LIMIT 10; -- expect: syntax-error@25 "the WHERE condition is empty"
UPDATE users SET WHERE id = 1; -- expect: syntax-error@18 "SET needs `column = value`"
-- The statements around them are still linted.
DELETE FROM sessions; -- expect: dml-without-where@1 "DELETE from `sessions`"
DELETE FROM sessions WHERE expires_at < NOW();
