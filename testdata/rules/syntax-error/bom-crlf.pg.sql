-- Clean: a UTF-8 byte order mark and CRLF line endings.
CREATE TABLE crlf (id bigint PRIMARY KEY);
INSERT INTO crlf VALUES (1);
