-- A trigger created after DROP TRIGGER IF EXISTS of its name can be created
-- again: a drop without a schema covers the name in any schema, a created
-- trigger without one any schema's drop of the name, and a drop in one
-- schema does not cover the trigger of another.
DROP TRIGGER IF EXISTS orders_bi;
CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = '';
CREATE TRIGGER archive.orders_bi BEFORE INSERT ON orders_archive FOR EACH ROW SET NEW.note = '';
DROP TRIGGER IF EXISTS shop.orders_bu;
CREATE TRIGGER shop.orders_bu BEFORE UPDATE ON orders FOR EACH ROW SET NEW.note = '';
CREATE TRIGGER orders_bu BEFORE UPDATE ON orders FOR EACH ROW SET NEW.note = '';
CREATE TRIGGER archive.orders_bu BEFORE UPDATE ON orders_archive FOR EACH ROW SET NEW.note = '';
DROP TABLE IF EXISTS order_notes; -- expect: non-atomic-migration@1 "this migration runs 8 DDL statements"
