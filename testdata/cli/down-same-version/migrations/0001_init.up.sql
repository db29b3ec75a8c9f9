CREATE TABLE repos (id bigint PRIMARY KEY, job_uid text, owner text);
