-- json columns, at the type, wherever a column type is chosen.
CREATE TABLE events (
  id bigint PRIMARY KEY,
  payload jsonb NOT NULL, -- expect: json-column@11 "column `payload` of `events` is `json`"
  history jsonb[], -- expect: json-column@11 "`json[]`"
  raw pg_catalog.jsonb -- expect: json-column@7
);

ALTER TABLE events ADD COLUMN metadata jsonb; -- expect: json-column@40 "`metadata`"
ALTER TABLE public.events
  ADD COLUMN a text,
  ADD COLUMN b JSONb DEFAULT '{}'; -- expect: json-column@16 "`public.events`"
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::json; -- expect: json-column@46 "column `payload`"

CREATE TABLE quoted ("json" "jsonb"); -- expect: json-column@29
