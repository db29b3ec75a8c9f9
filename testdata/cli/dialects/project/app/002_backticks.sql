CREATE INDEX `idx_users_b` ON `users` (`b`);
