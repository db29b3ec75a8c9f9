ALTER TABLE repos ADD COLUMN job_uid text;
