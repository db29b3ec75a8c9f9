-- ddlint-test: runner=goose down_migrations=strict
-- +goose Up
-- The first rename into the dropped name after the drop is named (names
-- compare ignoring case); two drops of the name share the rename.
ALTER TABLE a DROP COLUMN x; -- expect: drop-column@15 "dropping column `x` of `a` and renaming `X2` into its place at line 9"
ALTER TABLE b RENAME COLUMN x2 TO x;
ALTER TABLE a RENAME COLUMN x TO x;
ALTER TABLE a DROP COLUMN x; -- expect: drop-column@15 "dropping column `x` of `a` and renaming `X2` into its place at line 9"
ALTER TABLE a RENAME COLUMN "X2" TO "X";
ALTER TABLE a RENAME COLUMN x3 TO x;
-- A schema-qualified name and the same table unqualified.
ALTER TABLE public.c DROP COLUMN y; -- expect: drop-column@22 "dropping column `y` of `public.c` and renaming `y2` into its place at line 13"
ALTER TABLE c RENAME COLUMN y2 TO y;
ALTER TABLE other.d DROP COLUMN y; -- expect: drop-column@21 "dropping column `y` of `other.d` destroys its data for good"
ALTER TABLE public.d RENAME COLUMN y2 TO y;
-- Near misses: re-added rather than renamed; renamed before the drop.
ALTER TABLE e DROP COLUMN z; -- expect: drop-column@15 "dropping column `z` of `e` destroys its data for good"
ALTER TABLE e ADD COLUMN z int;
ALTER TABLE f RENAME COLUMN w2 TO w;
ALTER TABLE f DROP COLUMN w; -- expect: drop-column@15 "dropping column `w` of `f` destroys its data for good"
-- Renamed only in the down section.
ALTER TABLE g DROP COLUMN v; -- expect: drop-column@15 "dropping column `v` of `g` destroys its data for good"

-- +goose Down
ALTER TABLE g RENAME COLUMN v2 TO v;
ALTER TABLE h DROP COLUMN u; -- expect: drop-column@15 "dropping column `u` of `h` destroys its data for good"
ALTER TABLE h RENAME COLUMN u2 TO u;
