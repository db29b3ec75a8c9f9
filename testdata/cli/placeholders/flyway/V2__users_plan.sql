-- The runner fills in ${schema} and ${default_plan}.
ALTER TABLE ${schema}.users ADD COLUMN plan text NOT NULL;
COMMENT ON COLUMN ${schema}.users.plan IS 'defaults to ${default_plan}';
