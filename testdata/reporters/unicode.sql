-- Expected duration: 2m
ALTER TABLE café DROP COLUMN naïve;
ALTER TABLE "用户" ALTER COLUMN "邮箱" SET NOT NULL;
