-- expect-next: duration-over-budget@1 "`10m`"
-- ddlint: duration=10m locks=users:exclusive
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
