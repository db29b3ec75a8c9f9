-- Keys that grow (MySQL): AUTO_INCREMENT columns and single-column integer primary keys.
CREATE TABLE orders (
  id INT NOT NULL AUTO_INCREMENT, -- expect: prefer-bigint-over-int@6 "primary key `id` of `orders` is `INT` (32-bit): its AUTO_INCREMENT values run out at 2,147,483,647"
  placed_at DATETIME NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
CREATE TABLE events (id int(11) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY); -- expect: prefer-bigint-over-int@25 "`int(11) unsigned` (32-bit): its AUTO_INCREMENT values run out at 4,294,967,295"
CREATE TABLE ticks (n SMALLINT UNSIGNED AUTO_INCREMENT UNIQUE); -- expect: prefer-bigint-over-int@23 "`SMALLINT UNSIGNED` (16-bit): its AUTO_INCREMENT values run out at 65,535"
CREATE TABLE flags (id TINYINT AUTO_INCREMENT PRIMARY KEY); -- expect: prefer-bigint-over-int@24 "(8-bit): its AUTO_INCREMENT values run out at 127"
CREATE TABLE pages (id MEDIUMINT UNSIGNED AUTO_INCREMENT PRIMARY KEY); -- expect: prefer-bigint-over-int@24 "(24-bit)"
CREATE TABLE accounts (id INTEGER, name VARCHAR(100), PRIMARY KEY (id)); -- expect: prefer-bigint-over-int@27 "ids stop at 2,147,483,647"
ALTER TABLE legacy ADD COLUMN seq INT AUTO_INCREMENT UNIQUE; -- expect: prefer-bigint-over-int@35 "column `seq` of `legacy`"

-- phpMyAdmin's layout: the key and AUTO_INCREMENT come in later statements;
-- the MODIFY restates the column, so its type is the one reported (and fixed).
CREATE TABLE `invoices` (
  `id` int(11) NOT NULL,
  `total` decimal(10,2) NOT NULL
);
ALTER TABLE `invoices` ADD PRIMARY KEY (`id`);
-- expect-next: prefer-bigint-over-int@36 "primary key `id` of `invoices` is `int(11)` (32-bit): its AUTO_INCREMENT values run out"
ALTER TABLE `invoices` MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;
