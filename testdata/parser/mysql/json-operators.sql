-- The JSON operators -> and ->> inside expressions.
SELECT doc->>'$.a', doc->'$.b' FROM t;
UPDATE t SET a = doc->>'$.b' WHERE id = 1;
DELETE FROM t WHERE doc->>'$.kind' = 'old';
ALTER TABLE t ADD COLUMN kind VARCHAR(20) AS (doc->>'$.kind') VIRTUAL;
