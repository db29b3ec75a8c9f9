-- The guard MySQL migrations use where MariaDB would write IF NOT EXISTS: the
-- ALTER is prepared from a string literal. It is judged like a plain ALTER,
-- at its place inside the literal.
SET @s = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total_cents') = 0,
            'ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (total * 100) STORED', -- expect: alter-requires-table-copy@33 "ADD COLUMN ... STORED needs a copy of `orders`"
            'SELECT 1');
PREPARE add_total_cents FROM @s;
EXECUTE add_total_cents;
DEALLOCATE PREPARE add_total_cents;
-- Clean: the same guard around a change made in place.
SET @s = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note') = 0,
            'ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT',
            'SELECT 1');
PREPARE add_note FROM @s;
EXECUTE add_note;
