SELECT id, email, name FROM users WHERE false;
