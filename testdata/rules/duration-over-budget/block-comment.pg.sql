-- expect-next: duration-over-budget@1 "`about 20 minutes`"
/*
 * Expected duration: about 20 minutes
 * Locks: orders (exclusive)
 */
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
