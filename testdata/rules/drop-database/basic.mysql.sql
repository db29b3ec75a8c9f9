-- DROP DATABASE and its synonym DROP SCHEMA (MySQL): both drop every table of the database.
DROP DATABASE shop; -- expect: drop-database@15 "DROP DATABASE `shop`"
DROP SCHEMA IF EXISTS `analytics`; -- expect: drop-database@23 "`analytics`"
