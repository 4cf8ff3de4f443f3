// The library schema, versioned through PRAGMA user_version. Each migration
// runs in its own transaction; a database is always at a whole version.
import { SHARE_SCHEMA } from './schema-share.js';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'sources, issues, documents and what they decide',
    up(db) {
      db.exec(`
        CREATE TABLE sources (
          id INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE,
          file_name TEXT NOT NULL,
          bytes BLOB NOT NULL,
          size INTEGER NOT NULL,
          encoding TEXT NOT NULL,
          parser_version TEXT NOT NULL,
          ingested_at TEXT NOT NULL
        );
        CREATE TABLE issues (
          id INTEGER PRIMARY KEY,
          source_id INTEGER NOT NULL REFERENCES sources(id),
          issue_key TEXT NOT NULL,
          version INTEGER NOT NULL,
          is_current INTEGER NOT NULL DEFAULT 1,
          gazette TEXT, publisher TEXT, year INTEGER, number INTEGER, part TEXT, serial INTEGER,
          period_start TEXT, period_end TEXT, published TEXT,
          toc_json TEXT NOT NULL,
          diagnostics_json TEXT NOT NULL,
          UNIQUE (issue_key, version)
        );
        CREATE INDEX issues_current ON issues(is_current, year, number);
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          issue_id INTEGER NOT NULL REFERENCES issues(id),
          seq INTEGER NOT NULL,
          doc_key TEXT NOT NULL,
          is_current INTEGER NOT NULL DEFAULT 1,
          doc_number TEXT, title TEXT NOT NULL, issuer TEXT, date TEXT, category TEXT, toc_page INTEGER,
          line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
          text TEXT NOT NULL,
          json TEXT NOT NULL
        );
        CREATE INDEX documents_key ON documents(doc_key, is_current);
        CREATE INDEX documents_number ON documents(doc_number, is_current);
        CREATE INDEX documents_issue ON documents(issue_id, seq);
        CREATE TABLE outline_nodes (
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          node_id TEXT NOT NULL, parent_id TEXT, marker TEXT, level INTEGER, title TEXT,
          line_start INTEGER, line_end INTEGER,
          PRIMARY KEY (doc_id, node_id)
        );
        CREATE TABLE doc_tables (
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          seq INTEGER NOT NULL, caption TEXT, header_json TEXT NOT NULL, rows_json TEXT NOT NULL,
          line_start INTEGER, line_end INTEGER,
          PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE units (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, curated INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE unit_aliases (alias TEXT PRIMARY KEY, unit_id TEXT NOT NULL REFERENCES units(id));
        CREATE TABLE responsibilities (
          id INTEGER PRIMARY KEY,
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          seq INTEGER NOT NULL, task TEXT NOT NULL, outline_id TEXT, clause TEXT,
          deadline_text TEXT, deadline_date TEXT, deadline_json TEXT,
          line_start INTEGER, line_end INTEGER
        );
        CREATE TABLE responsibility_units (
          responsibility_id INTEGER NOT NULL REFERENCES responsibilities(id),
          unit_id TEXT NOT NULL, role TEXT NOT NULL, printed TEXT NOT NULL
        );
        CREATE INDEX responsibility_units_unit ON responsibility_units(unit_id, role);
        CREATE TABLE deadlines (
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          seq INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, date TEXT, rrule TEXT,
          line_start INTEGER, line_end INTEGER,
          PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE validity (
          doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
          effective TEXT, expires TEXT, trial INTEGER NOT NULL, depends_json TEXT, text TEXT,
          line_start INTEGER, line_end INTEGER
        );
        CREATE TABLE repeals (
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          doc_number TEXT, title TEXT, text TEXT
        );
        CREATE INDEX repeals_number ON repeals(doc_number);
        CREATE TABLE citations (
          id INTEGER PRIMARY KEY,
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          kind TEXT NOT NULL, doc_number TEXT, title TEXT, order_ref TEXT,
          target_doc_key TEXT,
          line_start INTEGER, line_end INTEGER
        );
        CREATE INDEX citations_doc ON citations(doc_id);
        CREATE INDEX citations_number ON citations(doc_number);
        CREATE INDEX citations_target ON citations(target_doc_key);
      `);
    },
  },
  {
    version: 2,
    description: 'cited-document stubs, repeal status and the full-text index',
    up(db) {
      db.exec(`
        CREATE TABLE stubs (
          doc_number TEXT PRIMARY KEY,
          title TEXT,
          first_seen TEXT NOT NULL
        );
        ALTER TABLE documents ADD COLUMN repealed_by TEXT;
        CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE VIRTUAL TABLE doc_fts USING fts5(
          title, headings, body, meta,
          content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
        );
        CREATE TABLE learned_terms (term TEXT PRIMARY KEY, freq INTEGER NOT NULL);
        CREATE TABLE unit_reviews (printed TEXT PRIMARY KEY, decision TEXT NOT NULL, decided_at TEXT NOT NULL);
      `);
      // Documents stored under version 1 are indexed by the caller (store.reindex) after migrating.
      db.prepare(`INSERT INTO search_meta(key, value) VALUES ('needs_reindex', '1')`).run();
    },
  },
  {
    version: 3,
    description: 'supervision: tasks, append-only history, warnings, summons, users, sessions, audit log',
    up(db) {
      db.exec(`
        CREATE TABLE tasks (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          source_kind TEXT NOT NULL, doc_number TEXT, document_id INTEGER, outline_id TEXT, responsibility_id INTEGER,
          lead_unit TEXT NOT NULL, assist_json TEXT NOT NULL,
          major INTEGER NOT NULL DEFAULT 0,
          status TEXT NOT NULL,
          registered_at TEXT NOT NULL, due TEXT NOT NULL,
          state_json TEXT NOT NULL,
          version INTEGER NOT NULL
        );
        CREATE INDEX tasks_unit ON tasks(lead_unit, status);
        CREATE INDEX tasks_due ON tasks(status, due);
        CREATE UNIQUE INDEX tasks_responsibility ON tasks(responsibility_id) WHERE responsibility_id IS NOT NULL;
        CREATE TABLE task_history (
          task_id INTEGER NOT NULL REFERENCES tasks(id),
          seq INTEGER NOT NULL,
          action TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
          actor_unit TEXT NOT NULL, actor_role TEXT NOT NULL, actor_user TEXT,
          at TEXT NOT NULL, comment TEXT, refs_json TEXT NOT NULL,
          PRIMARY KEY (task_id, seq)
        );
        CREATE TRIGGER task_history_no_update BEFORE UPDATE ON task_history BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
        CREATE TRIGGER task_history_no_delete BEFORE DELETE ON task_history BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
        CREATE TABLE task_warnings (
          id INTEGER PRIMARY KEY,
          task_id INTEGER NOT NULL REFERENCES tasks(id),
          unit TEXT NOT NULL,
          kind TEXT NOT NULL, key TEXT NOT NULL,
          raised_at TEXT NOT NULL, detail_json TEXT NOT NULL,
          UNIQUE (task_id, kind, key)
        );
        CREATE INDEX task_warnings_unit ON task_warnings(unit, kind, raised_at);
        CREATE TABLE summons (
          id INTEGER PRIMARY KEY, unit TEXT NOT NULL, task_id INTEGER REFERENCES tasks(id),
          at TEXT NOT NULL, by_unit TEXT NOT NULL, reason TEXT
        );
        CREATE TABLE users (
          id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT,
          unit TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
          csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL
        );
        CREATE TABLE login_attempts (key TEXT NOT NULL, at TEXT NOT NULL, ok INTEGER NOT NULL);
        CREATE INDEX login_attempts_key ON login_attempts(key, at);
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY, at TEXT NOT NULL,
          actor_unit TEXT, actor_role TEXT, actor_user TEXT,
          action TEXT NOT NULL, target TEXT, allowed INTEGER NOT NULL, detail TEXT
        );
      `);
    },
  },
  {
    version: 4,
    description: 'indexes and an enclosure-title table for incremental citation resolution',
    up(db) {
      db.exec(`
        CREATE INDEX IF NOT EXISTS documents_title ON documents(title, is_current);
        CREATE INDEX IF NOT EXISTS citations_title ON citations(title, kind, target_doc_key);
        CREATE INDEX IF NOT EXISTS repeals_title ON repeals(title);
        CREATE INDEX IF NOT EXISTS documents_repealed ON documents(repealed_by) WHERE repealed_by IS NOT NULL;
        CREATE TABLE IF NOT EXISTS enclosure_titles (title TEXT NOT NULL, doc_id INTEGER NOT NULL REFERENCES documents(id));
        CREATE INDEX IF NOT EXISTS enclosure_titles_title ON enclosure_titles(title, doc_id);
        CREATE INDEX IF NOT EXISTS enclosure_titles_doc ON enclosure_titles(doc_id);
        DELETE FROM enclosure_titles;
        INSERT INTO enclosure_titles(title, doc_id)
          SELECT json_extract(e.value, '$.title'), d.id FROM documents d, json_each(d.json, '$.enclosures') e
          WHERE json_extract(e.value, '$.title') IS NOT NULL;
      `);
    },
  },
  {
    version: 5,
    description: 'indexes for per-document lookups (responsibilities, their units, repeals)',
    up(db) {
      db.exec(`
        CREATE INDEX IF NOT EXISTS responsibilities_doc ON responsibilities(doc_id, seq);
        CREATE INDEX IF NOT EXISTS responsibility_units_resp ON responsibility_units(responsibility_id);
        CREATE INDEX IF NOT EXISTS repeals_doc ON repeals(doc_id);
      `);
    },
  },
  {
    version: 6,
    description: 'the units each document assigns work to, for the search facet',
    up(db) {
      // A search's unit facet counts documents per unit over its top results. From the clause
      // rows that is a join over ~60 unit rows per whole document and a count(DISTINCT);
      // from this table it is ~10 rows per document, already distinct.
      db.exec(`
        CREATE TABLE IF NOT EXISTS document_units (
          doc_id INTEGER NOT NULL REFERENCES documents(id),
          unit_id TEXT NOT NULL,
          PRIMARY KEY (doc_id, unit_id)
        ) WITHOUT ROWID;
        DELETE FROM document_units;
        INSERT INTO document_units(doc_id, unit_id)
          SELECT DISTINCT r.doc_id, ru.unit_id FROM responsibilities r JOIN responsibility_units ru ON ru.responsibility_id = r.id
          WHERE ru.role <> 'inherited';
      `);
    },
  },
  {
    version: 7,
    description: 'an index on the signing date, for searches sorted by date',
    up(db) {
      db.exec('CREATE INDEX IF NOT EXISTS documents_date ON documents(date)');
    },
  },
  {
    version: 8,
    description: 'working-day calendar read from holiday notices; append-only audit log; login-attempt retention index',
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS calendar_sources (
          id INTEGER PRIMARY KEY,
          doc_number TEXT, title TEXT NOT NULL, issuer TEXT, date TEXT, file TEXT,
          content_key TEXT NOT NULL UNIQUE,
          confirms_json TEXT NOT NULL,
          imported_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS calendar_days (
          day TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
          name TEXT,
          source_id INTEGER NOT NULL REFERENCES calendar_sources(id),
          line INTEGER,
          extends_break INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, source_id)
        );
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts(at);
      `);
    },
  },
  {
    version: 9,
    description: 'responsibilities.title and task_line_start (issue #12)',
    up: (db) => addColumns(db, 'responsibilities', { title: 'TEXT', task_line_start: 'INTEGER' }),
  },
  {
    version: 10,
    description: 'sources.text and positions_json: a PDF\'s laid-out text and the page and line of each text line (issue #13)',
    up: (db) => addColumns(db, 'sources', { text: 'TEXT', positions_json: 'TEXT' }),
  },
  {
    version: 11,
    description: 'editors\' 主题分类 and 政策解读 per document (kept across versions by doc_key); default terms of 规范性文件 (issue #14)',
    up: (db) => {
      db.exec(`
        CREATE TABLE IF NOT EXISTS subject_overrides (
          doc_key TEXT PRIMARY KEY, category TEXT NOT NULL, sub TEXT, set_at TEXT NOT NULL, set_by TEXT
        );
        CREATE TABLE IF NOT EXISTS interpretations (
          id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, added_at TEXT NOT NULL, added_by TEXT
        );
        CREATE INDEX IF NOT EXISTS interpretations_doc ON interpretations(doc_key);
        CREATE TABLE IF NOT EXISTS term_policies (
          doc_id INTEGER PRIMARY KEY REFERENCES documents(id), jurisdiction TEXT NOT NULL, from_date TEXT,
          amount INTEGER NOT NULL, unit TEXT NOT NULL, trial_amount INTEGER, trial_unit TEXT, text TEXT NOT NULL
        );
      `);
      addColumns(db, 'validity', { normative: 'INTEGER', default_expires: 'TEXT', default_by: 'INTEGER' });
    },
  },
  {
    version: 12,
    description: '政务数据共享 (五政办发〔2022〕10号): catalogue, requests, corrections, catalogue-update triggers, their history and warnings (issue #16)',
    up: (db) => db.exec(SHARE_SCHEMA),
  },
];

/** Add the columns a table lacks (a migration may meet a table that already has some). */
function addColumns(db: Database.Database, table: string, columns: Record<string, string>): void {
  const has = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of Object.entries(columns)) if (!has.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Bring a database to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number[] {
  const applied: number[] = [];
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
