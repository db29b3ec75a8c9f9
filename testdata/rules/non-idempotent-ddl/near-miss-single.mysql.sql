-- Near miss (MySQL): one statement either applies or not.
CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(255)) ENGINE=InnoDB;
