-- The copy of a MODIFY rests on the old definition, which no history gives:
-- ddlint locks says so, as the rules do. An explicit ALGORITHM=COPY is certain.
ALTER TABLE t MODIFY c BIGINT NOT NULL;
ALTER TABLE t ADD COLUMN z INT, ALGORITHM=COPY;
