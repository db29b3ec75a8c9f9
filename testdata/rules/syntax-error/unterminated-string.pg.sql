-- An unterminated string literal: reported at its opening quote.
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
INSERT INTO notes (id, body) VALUES (1, 'it''s fine');
INSERT INTO notes (id, body) VALUES (2, 'never closed); -- expect: syntax-error@41 "unterminated quoted string"
SELECT count(*) FROM notes;
