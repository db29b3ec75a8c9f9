-- Clean: valid MySQL that is easy to mis-split or mis-lex.
CREATE TABLE `order items` (`id` BIGINT PRIMARY KEY, `note;text` TEXT, body TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `order items` VALUES (1, 'a; b', "it\'s; \"quoted\"");
# a hash comment; with a semicolon
/* a block comment; with a semicolon */
SELECT 'naïve café ☕' AS utf8_text;
DELIMITER //
CREATE PROCEDURE add_one(IN i INT)
BEGIN
  SELECT i + 1;
END //
DELIMITER ;
SELECT 1 AS no_semicolon_at_end_of_file
