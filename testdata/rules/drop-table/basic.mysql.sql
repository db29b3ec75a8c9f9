-- Dropping existing tables (MySQL): each table of a DROP TABLE list is reported at its name.
DROP TABLE legacy_sessions; -- expect: drop-table@12 "`legacy_sessions`"
DROP TABLE IF EXISTS `audit_log`, shop.carts; -- expect: drop-table@22 "`audit_log`", drop-table@35 "`shop.carts`"
DROP TABLES old_orders RESTRICT; -- expect: drop-table@13 "`old_orders`"
