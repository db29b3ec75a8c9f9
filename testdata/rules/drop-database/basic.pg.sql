-- DROP DATABASE, and DROP SCHEMA with CASCADE.
DROP DATABASE analytics; -- expect: drop-database "`analytics`"
DROP DATABASE IF EXISTS "Scratch"; -- expect: drop-database "`Scratch`"
DROP SCHEMA reporting CASCADE; -- expect: drop-database "`reporting`"

DROP SCHEMA IF EXISTS
  archive, -- expect: drop-database "CASCADE drops every table"
  legacy -- expect: drop-database "`legacy`"
  CASCADE;
