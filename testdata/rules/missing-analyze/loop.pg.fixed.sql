-- A batched backfill loop in a DO block.
-- expect-next: missing-analyze@1 "this block changes rows of `payloads` in a loop (a batched backfill)", missing-analyze@1 "this block changes rows of `public.cart_items` in a loop"
DO $$
DECLARE
  n int;
BEGIN
  LOOP
    UPDATE payloads SET external_id = gen_random_uuid()
    WHERE ctid IN (SELECT ctid FROM payloads WHERE external_id IS NULL LIMIT 10000);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
  END LOOP;
  FOR r IN SELECT id FROM carts FOR UPDATE LOOP
    DELETE FROM ONLY public.cart_items WHERE cart_id = r.id;
  END LOOP;
END $$;
ANALYZE payloads;
ANALYZE public.cart_items;
