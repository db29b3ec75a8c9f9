-- Near misses: raising or removing the precision of a datetime column keeps
-- every stored value; the server changes the catalog only.
ALTER TABLE events ADD COLUMN happened_at timestamp(3), ADD COLUMN logged_at timestamptz(0), ADD COLUMN opens time(2), ADD COLUMN closes timetz(1), ADD COLUMN took interval(2);
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamp(5);
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamp;
ALTER TABLE events ALTER COLUMN logged_at TYPE timestamptz(6);
ALTER TABLE events ALTER COLUMN opens TYPE time(2);
ALTER TABLE events ALTER COLUMN opens TYPE time;
ALTER TABLE events ALTER COLUMN closes TYPE timetz(3);
ALTER TABLE events ALTER COLUMN took TYPE interval;
