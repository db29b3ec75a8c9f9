-- Restores nothing.
SELECT 1;
