-- A column dropped and added again: only the column as added last counts,
-- and keys or sequences attached after the drop are its own.
CREATE TABLE t (id int, code int);
ALTER TABLE t DROP COLUMN id;
ALTER TABLE t ADD COLUMN id int; -- expect: prefer-bigint-over-int@29 "primary key `id` of `t` is `int` (32-bit)"
ALTER TABLE t ADD PRIMARY KEY (id);
ALTER TABLE t ADD COLUMN n serial;
ALTER TABLE t DROP COLUMN n;
ALTER TABLE t ADD COLUMN n integer; -- expect: prefer-bigint-over-int@28 "column `n` of `t` is `integer` (32-bit): its sequence runs out"
ALTER TABLE t ALTER COLUMN n SET DEFAULT nextval('n_seq');
ALTER TABLE t ADD COLUMN m serial;
ALTER TABLE t ALTER COLUMN m TYPE bigint;
ALTER TABLE t ADD COLUMN m int;
