-- Backfill of the whole table.
-- expect-next: duration-over-budget@1 "`1h`, above the budget of 5min"
-- Expected duration: 1h
UPDATE users SET email_lower = lower(email);
