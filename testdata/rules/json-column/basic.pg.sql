-- json columns, at the type, wherever a column type is chosen.
CREATE TABLE events (
  id bigint PRIMARY KEY,
  payload json NOT NULL, -- expect: json-column@11 "column `payload` of `events` is `json`"
  history json[], -- expect: json-column@11 "`json[]`"
  raw pg_catalog.json -- expect: json-column@7
);

ALTER TABLE events ADD COLUMN metadata json; -- expect: json-column@40 "`metadata`"
ALTER TABLE public.events
  ADD COLUMN a text,
  ADD COLUMN b JSON DEFAULT '{}'; -- expect: json-column@16 "`public.events`"
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json; -- expect: json-column@46 "column `payload`"

CREATE TABLE quoted ("json" "json"); -- expect: json-column@29
