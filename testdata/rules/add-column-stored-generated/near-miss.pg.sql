-- Clean: tables created earlier in this file, plain columns, identity columns (add-column-serial).
CREATE TABLE invoices (net numeric NOT NULL, tax numeric NOT NULL);
ALTER TABLE invoices ADD COLUMN gross numeric GENERATED ALWAYS AS (net + tax) STORED;

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  net numeric,
  gross numeric GENERATED ALWAYS AS (net * 1.2) STORED
);

ALTER TABLE users ADD COLUMN email_domain text;
ALTER TABLE users ADD COLUMN id2 bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE users ADD COLUMN generated_at timestamptz DEFAULT now();

-- Dropping the expression keeps the values and changes only the catalog.
ALTER TABLE users ALTER COLUMN full_name DROP EXPRESSION;
