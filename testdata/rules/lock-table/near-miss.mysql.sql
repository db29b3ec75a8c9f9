-- Near misses (MySQL): a table created in this migration, UNLOCK TABLES, row locks of
-- SELECT ... FOR UPDATE, and the instance backup lock (no table).
CREATE TABLE ledger (id BIGINT PRIMARY KEY, amount DECIMAL(12, 2) NOT NULL) ENGINE=InnoDB;
LOCK TABLES ledger WRITE;
INSERT INTO ledger (id, amount) VALUES (1, 0);
UNLOCK TABLES;
SELECT id FROM orders WHERE id = 7 FOR UPDATE;
LOCK INSTANCE FOR BACKUP;
UNLOCK INSTANCE;
