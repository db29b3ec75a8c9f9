-- Multi-row INSERT: parsed up to the first row when every row is a parenthesised group.
INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'pro (monthly)'), (3, CONCAT('a', ')'));
REPLACE plans VALUE (4, 'x'), (5, 'y');
-- Not a row list: parsed whole, and what does not parse is reported.
INSERT INTO plans (id, name) VALUES (6, 'z'), 7;
INSERT INTO plans VALUES (8, 'w'), (9, 'v') ON DUPLICATE KEY UPDATE name = VALUES(name);
INSERT INTO plans VALUES (10, 'u'), (11, 'u';
INSERT INTO plans SELECT * FROM staging_plans;
