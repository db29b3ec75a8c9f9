-- Prisma sends the file as one script: PostgreSQL runs its two statements
-- in one implicit transaction, where CONCURRENTLY fails.
ALTER TABLE "User" ADD COLUMN "nickname" TEXT;
CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");
