-- InnoDB rebuilds the table around a new primary key.
ALTER TABLE users ADD PRIMARY KEY (id); -- expect: add-primary-key@19 "on (id)"
ALTER TABLE memberships ADD CONSTRAINT pk_m PRIMARY KEY (user_id, group_id); -- expect: add-primary-key@25 "`memberships` is rebuilt"
ALTER TABLE logs ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST; -- expect: add-primary-key@63 "column `id`"
ALTER TABLE users DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant_id); -- expect: add-primary-key@37 "(id, tenant_id)"
