-- OPTIMIZE TABLE, FORCE and ENGINE= only rebuild the table.
OPTIMIZE TABLE events; -- expect: table-rewrite@16 "OPTIMIZE TABLE rebuilds `events` and all its indexes (ALGORITHM=INPLACE"
OPTIMIZE NO_WRITE_TO_BINLOG TABLE logs, app.audit; -- expect: table-rewrite@35 "`logs`", table-rewrite@41 "`app.audit`"
ALTER TABLE events FORCE; -- expect: table-rewrite@20 "`FORCE` rebuilds `events`"
ALTER TABLE events ENGINE=InnoDB; -- expect: table-rewrite@20 "`ENGINE=InnoDB` rebuilds"
ALTER TABLE events ENGINE = MyISAM; -- expect: table-rewrite@20 "ALGORITHM=COPY"
