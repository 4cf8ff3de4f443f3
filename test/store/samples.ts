// The bundled samples loaded synchronously (they are text: no PDF to read), for suites that build a library at collection time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/store/db.js';
import { ingestBytes } from '../../src/store/ingest.js';

export const SAMPLES_DIR = join(import.meta.dirname, '../../data/samples');

export function loadSamples(db: Db): Db {
  for (const f of readdirSync(SAMPLES_DIR).filter((n) => n.endsWith('.txt')).sort()) ingestBytes(db, readFileSync(join(SAMPLES_DIR, f)), join(SAMPLES_DIR, f));
  return db;
}
