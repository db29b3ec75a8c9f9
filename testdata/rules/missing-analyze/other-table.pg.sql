-- ANALYZE of another table, or an earlier one, does not count.
ANALYZE users;
UPDATE users SET plan = 'free'; -- expect: missing-analyze@1 "every row of `users`"
ANALYZE accounts;
