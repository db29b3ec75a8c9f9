-- ddlint-test: down_file=20240102_notes.down.js
ALTER TABLE notes DROP COLUMN legacy, ALGORITHM=INSTANT; -- expect: down-migration-unreadable@1 "is `20240102_notes.down.js`"
