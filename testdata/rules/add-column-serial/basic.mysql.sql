-- Numbering every existing row rebuilds the table without concurrent writes.
ALTER TABLE users ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (seq); -- expect: add-column-serial@50 "AUTO_INCREMENT column `seq`"
ALTER TABLE events ADD id SERIAL FIRST; -- expect: add-column-serial@27 "SERIAL column `id`"
ALTER TABLE events ADD COLUMN n INT AUTO_INCREMENT PRIMARY KEY; -- expect: add-column-serial@37 "LOCK=SHARED: blocks writes"
