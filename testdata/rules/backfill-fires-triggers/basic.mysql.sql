-- MySQL: every trigger is a row trigger.
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW INSERT INTO orders_audit (order_id) VALUES (NEW.id);
UPDATE orders SET status = 'archived' WHERE created_at < '2020-01-01' LIMIT 5000; -- expect: backfill-fires-triggers@1 "`orders`, which has trigger `orders_audit`"
CREATE DEFINER=`app`@`%` TRIGGER IF NOT EXISTS `shop`.`carts_bi` BEFORE INSERT ON `shop`.`carts` FOR EACH ROW SET NEW.created_at = NOW();
INSERT INTO shop.carts SELECT * FROM shop.carts_import; -- expect: backfill-fires-triggers@1 "`shop.carts`, which has trigger `carts_bi`"
