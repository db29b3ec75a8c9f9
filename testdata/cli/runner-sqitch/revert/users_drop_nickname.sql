-- Forgets to add the column back.
SELECT 1;
