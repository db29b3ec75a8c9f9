UPDATE accounts SET phone = '' WHERE phone IS NULL;
