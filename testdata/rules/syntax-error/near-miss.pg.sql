-- Clean: valid SQL that is easy to mis-split.
CREATE TABLE "Order Items" ("id" bigint PRIMARY KEY, "note;text" text, body text);
INSERT INTO "Order Items" VALUES (1, 'a; b', E'line\nbreak; \'quoted\'');
/* a block comment /* nested; with a semicolon */ still comment; */
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE plpgsql AS $body$
BEGIN
  RETURN i + 1; -- semicolons inside a dollar-quoted body
END;
$body$;
DO $$ BEGIN RAISE NOTICE 'ok; done'; END $$;
SELECT 'naïve café ☕' AS utf8_text, U&'\00e9' AS escaped;
SELECT 1 AS no_semicolon_at_end_of_file
