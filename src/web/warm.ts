// Work the first visitor of a fresh server process would otherwise wait for:
// loading the segmenter's dictionary (~0.1 s) and the search form's filter
// choices (three DISTINCT scans over every document: ~0.6 s at 100k
// documents). Done once before the process starts listening.
import type { Db } from '../store/db.js';
import { segment } from '../search/analyzer.js';
import { filterChoices } from './services/browse.js';

export function warmCaches(db: Db): void {
  segment('政府公报');
  filterChoices(db);
}
