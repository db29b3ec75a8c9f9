-- Near miss (MySQL): a dbmate migration with a down section.
-- migrate:up
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL;

-- migrate:down
ALTER TABLE users DROP COLUMN nickname;
