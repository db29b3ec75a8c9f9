package migrations

// Re-adds legacy_login from the archive table.
