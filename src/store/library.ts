// The library as other layers use it: open (migrate, refresh the index),
// ingest files and directories with a summary.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isGongbaoError } from '../errors.js';
import { readInputFile } from '../text/read-file.js';
import { openDb, type Db, type OpenOptions } from './db.js';
import { ingestFile, type IngestOptions, type IngestResult } from './ingest.js';
import { ensureIndexFresh, loadLibraryDictionary } from './fts-index.js';

export function openLibrary(path: string, opts: OpenOptions = {}): Db {
  const db = openDb(path, opts);
  if (opts.targetVersion === undefined || opts.targetVersion >= 2) loadLibraryDictionary(db);
  if (!opts.readonly && (opts.targetVersion === undefined || opts.targetVersion >= 2)) ensureIndexFresh(db);
  return db;
}

/** Files named directly, and text, PDF, DOCX and web-page files inside named directories (recursively), in a stable order. */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push(p); // reported as missing by the ingest of that file
      continue;
    }
    if (!isDir) out.push(p);
    else for (const f of readdirSync(p).sort()) {
      const full = join(p, f);
      if (statSync(full).isDirectory()) out.push(...expandInputs([full]));
      else if (/\.(txt|md|pdf|docx|html?)$/i.test(f)) out.push(full);
    }
  }
  return out;
}

export interface IngestFailure {
  file: string;
  error: string;
}

export interface IngestSummary {
  results: IngestResult[];
  failures: IngestFailure[];
}

export async function ingestPaths(db: Db, paths: string[], opts: IngestOptions & { onFile?: (i: number, n: number, file: string) => void } = {}): Promise<IngestSummary> {
  const files = expandInputs(paths);
  const summary: IngestSummary = { results: [], failures: [] };
  for (const [i, file] of files.entries()) {
    opts.onFile?.(i, files.length, file);
    try {
      summary.results.push(await ingestFile(db, readInputFile(file), file, opts));
    } catch (e) {
      if (!isGongbaoError(e)) throw e;
      summary.failures.push({ file, error: e.toLine() });
    }
  }
  return summary;
}
