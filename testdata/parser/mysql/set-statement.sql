-- MariaDB SET STATEMENT ... FOR: the statement is lowered as written alone,
-- with the settings for it only; the whole text is the statement.
SET STATEMENT lock_wait_timeout=2 FOR ALTER TABLE t ADD COLUMN d INT;
SET STATEMENT lock_wait_timeout = 2, max_statement_time = 10 FOR
  CREATE INDEX i ON t (a) WAIT 1;
set statement foreign_key_checks=0 for alter table t add constraint fk foreign key (a) references u (id);
SET STATEMENT sql_mode = 'STRICT_ALL_TABLES', `lock_wait_timeout` = DEFAULT FOR UPDATE t SET a = 1 WHERE id = 2;
SET STATEMENT max_statement_time = 5 FOR SELECT * FROM t;
SET STATEMENT lock_wait_timeout = 2 FOR DROP TABLE t WAIT;
ALTER TABLE t ADD COLUMN e INT;
