-- The only statement of its migration: no transaction around it.
CREATE INDEX CONCURRENTLY "User_name_idx" ON "User"("name");
