CREATE TYPE account_status AS ENUM ('active', 'suspended');

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  status account_status NOT NULL DEFAULT 'active',
  age int CHECK (age >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
