-- Clean: the index itself is declared with a lock that blocks reads.
-- ddlint: locks=users_email_idx:exclusive
DROP INDEX users_email_idx;
