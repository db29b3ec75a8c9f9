CREATE OR REPLACE VIEW account_codes AS SELECT id, code FROM accounts;
