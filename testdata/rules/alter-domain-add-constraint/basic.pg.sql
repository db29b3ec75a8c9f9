-- The ALTER DOMAIN forms that check every column of the domain.
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE ~ '@'); -- expect: alter-domain-add-constraint@32 "adding a constraint to domain `email_address`"
ALTER DOMAIN email_address VALIDATE CONSTRAINT email_len; -- expect: alter-domain-add-constraint@1 "validating"
ALTER DOMAIN public.email_address SET NOT NULL; -- expect: alter-domain-add-constraint@1 "SET NOT NULL on domain `public.email_address`"
