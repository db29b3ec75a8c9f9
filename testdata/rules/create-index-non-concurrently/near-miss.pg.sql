-- Clean: concurrent builds, tables created in this file, ON ONLY parents.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
CREATE INDEX invoices_customer2_idx ON public.invoices (customer_id);

CREATE INDEX measurements_parent_idx ON ONLY measurements (logdate);
