/*M!999999\- enable the sandbox mode */
-- MariaDB dump header (above): a comment, not a syntax error. Executable comments still run.
/*!40101 SET NAMES utf8mb4 */;
/*M!100100 SET sql_mode = 'STRICT_TRANS_TABLES' */;
ALTER TABLE t ADD COLUMN y INT;
