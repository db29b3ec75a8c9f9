-- Misspelt statements neither dialect parses: the file is read as PostgreSQL,
-- as its folder is, and the index after them is still linted.
CREAT TABLE a (id int);
CREAT TABLE b (id int);
CREAT TABLE c (id int);
CREAT TABLE d (id int);
CREAT TABLE e (id int);
CREATE INDEX idx_orders_total ON orders (total);
