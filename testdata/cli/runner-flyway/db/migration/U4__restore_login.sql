UPDATE users SET name = NULL WHERE name = email;
