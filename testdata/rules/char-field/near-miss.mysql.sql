-- Clean: variable-length and binary strings, and temporary tables.
CREATE TABLE countries (
  code VARCHAR(2) NOT NULL,
  name VARCHAR(100),
  uid BINARY(16),
  notes TEXT,
  kind ENUM('a', 'b')
);
ALTER TABLE users ADD COLUMN locale VARCHAR(5);
ALTER TABLE users MODIFY country VARCHAR(2);
CREATE TEMPORARY TABLE scratch (code CHAR(2));
