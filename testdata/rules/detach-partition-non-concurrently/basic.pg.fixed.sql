-- ddlint-test: pg_version=14
-- DETACH PARTITION without CONCURRENTLY, reported at the subcommand.
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY; -- expect: detach-partition-non-concurrently@26 "`measurements_2019`"
ALTER TABLE IF EXISTS public.events DETACH PARTITION public.events_old CONCURRENTLY; -- expect: detach-partition-non-concurrently@37 "on `public.events`"

ALTER TABLE logs
  DETACH PARTITION logs_2020 CONCURRENTLY; -- expect: detach-partition-non-concurrently@3 "ACCESS EXCLUSIVE"
