CREATE INDEX orders_total_idx ON $%SCHEMA%$.orders (total);
