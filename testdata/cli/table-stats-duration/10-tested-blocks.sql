/* Expected duration: 1s
   Tested on: 50k rows */
-- Only a lock on orders, but the duration was still timed on far fewer rows: reported at the block comment.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
