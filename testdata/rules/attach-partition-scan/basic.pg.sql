-- An existing table attached without a CHECK that proves the bound.
-- expect-next: attach-partition-scan@26 "scans every row of `measurements_y2024`"
ALTER TABLE measurements ATTACH PARTITION measurements_y2024
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- A CHECK added NOT VALID and never validated proves nothing.
ALTER TABLE measurements_y2023 ADD CONSTRAINT y2023_bound CHECK (logdate < '2024-01-01') NOT VALID;
ALTER TABLE measurements ATTACH PARTITION measurements_y2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01'); -- expect: attach-partition-scan@26

-- A validated CHECK that was dropped before the attach no longer counts.
ALTER TABLE measurements_y2022 ADD CONSTRAINT y2022_bound CHECK (logdate < '2023-01-01');
ALTER TABLE measurements_y2022 DROP CONSTRAINT y2022_bound;
ALTER TABLE measurements ATTACH PARTITION measurements_y2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01'); -- expect: attach-partition-scan@26
