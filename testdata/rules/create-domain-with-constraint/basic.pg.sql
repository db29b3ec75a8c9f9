-- One finding per CHECK, at the constraint.
CREATE DOMAIN email_address AS text CHECK (VALUE ~ '@'); -- expect: create-domain-with-constraint@37 "domain `email_address`"
CREATE DOMAIN public.positive_int AS int
  NOT NULL
  CONSTRAINT positive CHECK (VALUE > 0) -- expect: create-domain-with-constraint@3 "`public.positive_int`"
  CHECK (VALUE < 1000000); -- expect: create-domain-with-constraint@3
