-- Tables of one name in two schemas, one after the other: each column is
-- reported with its own table.
CREATE TABLE billing.accounts (id serial PRIMARY KEY); -- expect: prefer-bigint-over-int@35 "primary key `id` of `billing.accounts` is `serial` (32-bit)"
CREATE TABLE audit.accounts (id serial PRIMARY KEY); -- expect: prefer-bigint-over-int@33 "primary key `id` of `audit.accounts` is `serial` (32-bit)"
CREATE TABLE audit.entries (n integer GENERATED ALWAYS AS IDENTITY); -- expect: prefer-bigint-over-int@31 "column `n` of `audit.entries` is `integer` (32-bit)"
