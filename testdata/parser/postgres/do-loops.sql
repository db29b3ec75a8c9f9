-- DO blocks: the tables updated or deleted from inside a loop.
DO $$
BEGIN
  UPDATE settings SET value = 'x' WHERE key = 'mode';
  <<batches>>
  LOOP
    UPDATE "Payloads" SET done = true WHERE id IN (SELECT id FROM "Payloads" WHERE NOT done LIMIT 100 FOR UPDATE SKIP LOCKED);
    EXIT batches WHEN NOT FOUND;
  END LOOP;
  WHILE true LOOP
    WITH gone AS (DELETE FROM ONLY audit.events WHERE at < now() RETURNING id) SELECT count(*) INTO n FROM gone;
    EXECUTE 'UPDATE hidden SET x = 1';
    IF n = 0 THEN EXIT; END IF;
  END LOOP;
  DELETE FROM after_loop;
END $$;
DO LANGUAGE plpgsql $body$
BEGIN
  FOR r IN SELECT id FROM carts LOOP
    IF r.id > 0 THEN UPDATE carts SET total = 0 WHERE id = r.id; END IF;
  END LOOP;
END $body$;
-- A body the front-end's own scanner leaves to libpg_query's (a bit string,
-- a hex escape): its loop writes are read from libpg_query's tokens.
DO $$
BEGIN
  LOOP
    UPDATE flags SET bits = B'101', tag = E'\x41' WHERE id = 1;
    EXIT;
  END LOOP;
END $$;
