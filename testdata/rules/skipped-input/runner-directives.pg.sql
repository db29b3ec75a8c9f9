-- ddlint-test: rules=syntax-error
-- Script-runner directives are skipped with one finding each, never syntax errors.
-- expect-next: skipped-input@1 "`execute java org.flowable.engine.impl.db.upgrade.DbUpgradeStep52To53`"
execute java org.flowable.engine.impl.db.upgrade.DbUpgradeStep52To53
-- expect-next: skipped-input@1 "script runner comment `//`"
// add the audit columns
ALTER TABLE audit_log ADD COLUMN actor text;
-- expect-next: skipped-input@1 "`delimiter d//`"
delimiter d//
CREATE OR REPLACE FUNCTION add_audit_columns() RETURNS void AS $$
BEGIN
  ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS target text;
END;
$$ LANGUAGE plpgsql;
d//
-- expect-next: skipped-input@1 "`delimiter ;`"
delimiter ;
SELECT add_audit_columns();
