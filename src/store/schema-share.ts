// Schema of the 政务数据共享 workflow (issue #16, migration 12): catalogue
// resources, requests, corrections and catalogue-update triggers, each a row
// holding its current state (a projection of its history), one append-only
// history for all of them, and warnings raised once per deadline.
export const SHARE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS share_resources (
    id INTEGER PRIMARY KEY, provider_unit TEXT NOT NULL, name TEXT NOT NULL, withdrawn INTEGER NOT NULL DEFAULT 0,
    state_json TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS share_resources_name ON share_resources(provider_unit, name) WHERE withdrawn = 0;
  CREATE TABLE IF NOT EXISTS share_requests (
    id INTEGER PRIMARY KEY, resource_id INTEGER NOT NULL REFERENCES share_resources(id), provider_unit TEXT NOT NULL,
    user_unit TEXT NOT NULL, status TEXT NOT NULL, state_json TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS share_requests_units ON share_requests(provider_unit, user_unit);
  CREATE TABLE IF NOT EXISTS share_corrections (
    id INTEGER PRIMARY KEY, resource_id INTEGER NOT NULL REFERENCES share_resources(id), provider_unit TEXT NOT NULL,
    user_unit TEXT NOT NULL, status TEXT NOT NULL, state_json TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS share_triggers (
    id INTEGER PRIMARY KEY, unit TEXT NOT NULL, state_json TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS share_history (
    subject TEXT NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, from_status TEXT, to_status TEXT,
    actor_unit TEXT NOT NULL, actor_role TEXT NOT NULL, actor_user TEXT, at TEXT NOT NULL, comment TEXT, refs_json TEXT NOT NULL,
    PRIMARY KEY (subject, seq)
  );
  CREATE TRIGGER IF NOT EXISTS share_history_no_update BEFORE UPDATE ON share_history BEGIN SELECT RAISE(ABORT, 'share history is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS share_history_no_delete BEFORE DELETE ON share_history BEGIN SELECT RAISE(ABORT, 'share history is append-only'); END;
  CREATE TABLE IF NOT EXISTS share_warnings (
    id INTEGER PRIMARY KEY, subject TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    raised_at TEXT NOT NULL, detail_json TEXT NOT NULL, UNIQUE (subject, kind, key)
  );
`;
