-- Clean: INSTANT changes only metadata; nothing is rebuilt, scanned or blocked.
ALTER TABLE orders ADD COLUMN d INT, ALGORITHM=INSTANT;
ALTER TABLE orders RENAME COLUMN d TO delivery_days, ALGORITHM=INSTANT;
