-- ddlint: duration=1m locks=users:write,orders:share
TRUNCATE users; -- expect: lock-annotation-mismatch@1 "declares `users` as `write`"
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
