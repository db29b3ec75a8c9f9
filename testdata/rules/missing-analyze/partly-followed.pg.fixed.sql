-- An ANALYZE of one table of a statement leaves its other tables: their
-- findings, and the fix, are known only at the end of the section.
-- expect-next: missing-analyze@1 "this block changes rows of `b` in a loop"
DO $$ BEGIN LOOP UPDATE a SET x = 1 WHERE id IN (SELECT id FROM a LIMIT 100); DELETE FROM b WHERE id IN (SELECT id FROM b LIMIT 100); EXIT WHEN NOT FOUND; END LOOP; END $$;
ANALYZE b;
ANALYZE a;
UPDATE c SET x = 1; -- expect: missing-analyze@1 "this UPDATE rewrites every row of `c`"
ANALYZE c;
DROP TABLE a;
