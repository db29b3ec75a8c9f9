-- DROP DATABASE, and DROP SCHEMA with CASCADE.
DROP DATABASE analytics; -- expect: drop-database@15 "`analytics`"
DROP DATABASE IF EXISTS "Scratch"; -- expect: drop-database@25 "`Scratch`"
DROP SCHEMA reporting CASCADE; -- expect: drop-database@13 "`reporting`"

DROP SCHEMA IF EXISTS
  archive, -- expect: drop-database@3 "CASCADE drops every table"
  legacy -- expect: drop-database@3 "`legacy`"
  CASCADE;
