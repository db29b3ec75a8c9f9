-- The target server decides which executable comments run: MySQL 5.7 runs
-- /*!50100 ... */ but not /*!80000 ... */, and never MariaDB's /*M! ... */.
/*!50100 ALTER TABLE t ADD COLUMN b INT */;
/*!80000 ALTER TABLE t ADD COLUMN c INT */;
/*M!100500 ALTER TABLE t ADD COLUMN e INT */;
