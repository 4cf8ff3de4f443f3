// Work the first visitor of a fresh server process would otherwise wait for:
// loading the segmenter's dictionary (~0.1 s), the search form's filter
// choices (three DISTINCT scans over every document: ~0.6 s at 100k
// documents) and every document's length for ranking (~0.3 s). Done once
// before the process starts listening.
import type { Db } from '../store/db.js';
import { segment } from '../analyze/analyzer.js';
import { warmPostings } from '../search/postings.js';
import { filterChoices } from './services/browse.js';

export function warmCaches(db: Db): void {
  segment('政府公报');
  filterChoices(db);
  warmPostings(db);
}
