-- Near misses: a CHECK validated before the attach, one added valid at once,
-- and a partition table created in this migration.
ALTER TABLE measurements_y2024 ADD CONSTRAINT y2024_bound
  CHECK (logdate >= '2024-01-01' AND logdate < '2025-01-01') NOT VALID;
ALTER TABLE measurements_y2024 VALIDATE CONSTRAINT y2024_bound;
ALTER TABLE measurements ATTACH PARTITION measurements_y2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE measurements_y2024 DROP CONSTRAINT y2024_bound;

ALTER TABLE measurements_y2023 ADD CONSTRAINT y2023_bound CHECK (logdate >= '2023-01-01' AND logdate < '2024-01-01');
ALTER TABLE measurements ATTACH PARTITION measurements_y2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

CREATE TABLE measurements_y2025 (LIKE measurements INCLUDING ALL);
ALTER TABLE measurements ATTACH PARTITION measurements_y2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- DETACH is another rule's business.
ALTER TABLE measurements DETACH PARTITION measurements_y2020;
