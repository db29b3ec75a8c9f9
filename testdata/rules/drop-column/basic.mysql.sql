-- Dropping columns of existing tables (MySQL).
ALTER TABLE users DROP COLUMN legacy_password_hash; -- expect: drop-column@19 "`legacy_password_hash` of `users`"
ALTER TABLE users DROP avatar_blob; -- expect: drop-column@19 "`avatar_blob`"
ALTER TABLE `shop`.`orders` DROP COLUMN `Coupon`, ALGORITHM=INPLACE, LOCK=NONE; -- expect: drop-column@29 "`coupon` of `shop.orders`"
ALTER TABLE users
  ADD COLUMN password_digest VARCHAR(100),
  DROP COLUMN password_md5, -- expect: drop-column@3 "`password_md5`"
  DROP password_salt; -- expect: drop-column@3 "`password_salt`"
