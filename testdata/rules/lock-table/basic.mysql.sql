-- Explicit table locks (MySQL): each existing table of the list is reported at its name, with its mode.
LOCK TABLES orders WRITE, customers READ; -- expect: lock-table@13 "WRITE lock on `orders`", lock-table@27 "READ lock on `customers`"
UNLOCK TABLES;
LOCK TABLE `audit_log` AS a READ LOCAL; -- expect: lock-table@12 "READ LOCAL lock on `audit_log`"
UNLOCK TABLES;
-- expect-next: lock-table@13 "LOW_PRIORITY WRITE lock on `shop.carts`, which blocks reads and writes"
LOCK TABLES shop.carts LOW_PRIORITY WRITE;
UNLOCK TABLES;
