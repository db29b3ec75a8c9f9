-- Near misses: `archived` was renamed away by 001 and `retired` dropped by 002,
-- so DROP TABLE IF EXISTS drops nothing. `current` exists, and `legacy` is not
-- in the history at all (it may have been created outside the migrations):
-- both are still reported.
DROP TABLE IF EXISTS archived;
DROP TABLE IF EXISTS retired;
DROP TABLE IF EXISTS current;
DROP TABLE IF EXISTS legacy;
