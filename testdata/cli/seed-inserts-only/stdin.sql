INSERT INTO plans (id, name) VALUES (1, 'free');
INSERT INTO plans (id, name) VALUES (2, 'pro');
