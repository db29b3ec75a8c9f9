-- Changes whose success depends on the rows already in the table.
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ADD COLUMN plan text NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users ADD PRIMARY KEY (id, org_id);
CREATE UNIQUE INDEX users_code_idx ON users (code);
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(20);
ALTER TABLE "Orders" ALTER COLUMN "Qty" SET NOT NULL;
CREATE TYPE ticket_state_v2 AS ENUM ('open', 'closed');
ALTER TABLE tickets ALTER COLUMN state TYPE ticket_state_v2 USING state::text::ticket_state_v2;
-- Near misses: nothing in the data can make these fail.
CREATE TABLE fresh (id int, email text);
ALTER TABLE fresh ALTER COLUMN email SET NOT NULL;
ALTER TABLE fresh ADD CONSTRAINT fresh_email_key UNIQUE (email);
ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free';
ALTER TABLE users ADD COLUMN serial_no bigserial NOT NULL;
ALTER TABLE users ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD CONSTRAINT orders_qty_pos CHECK (qty > 0) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;
ALTER TABLE fresh ALTER COLUMN id TYPE bigint;
ALTER TABLE fresh ALTER COLUMN email TYPE varchar(10);
ALTER TABLE tickets ALTER COLUMN kind TYPE kind_v2 USING kind::text::kind_v2;
