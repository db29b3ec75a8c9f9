-- Swaps are recognised before and after the rename, by name or as
-- displayed with its schema; a plain rename is reported.
ALTER TABLE a RENAME TO a_old;
CREATE TABLE public.a (id int);
ALTER TABLE public.b RENAME TO b_old;
ALTER TABLE b_new RENAME TO b;
ALTER TABLE c RENAME TO c_old; -- expect: rename-table@1 "renaming table `c` to `c_old`"
ALTER TABLE c_new RENAME TO "public.c"; -- expect: rename-table@1 "renaming table `c_new` to `public.c`"
DROP TABLE d;
ALTER TABLE d_new RENAME TO d;
DROP TABLE public.e;
ALTER TABLE e_new RENAME TO "public.e";
ALTER TABLE f RENAME TO g; -- expect: rename-table@1 "renaming table `f` to `g`"
ALTER TABLE h RENAME TO f2;
CREATE TABLE other.h (id int);
ALTER TABLE k RENAME TO k2; -- expect: rename-table@1 "renaming table `k` to `k2`"
ALTER TABLE k2 RENAME TO k3; -- expect: rename-table@1 "renaming table `k2` to `k3`"
