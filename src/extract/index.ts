// Run every extractor over a parsed issue. Extractors are pure functions of a
// document (plus the issue's source lines where layout matters).
import type { SourceLine } from '../text/lines.js';
import type { ParsedDocument, ParsedIssue } from '../parse/types.js';
import type { Extracted } from './types.js';
import { extractCitations, resolveCitations } from './citations.js';
import { extractValidity } from './validity.js';

export type AnalyzedDocument = ParsedDocument & Extracted;
export interface AnalyzedIssue extends Omit<ParsedIssue, 'documents'> {
  documents: AnalyzedDocument[];
}

export function extractIssue(parsed: ParsedIssue, lines: SourceLine[]): AnalyzedIssue {
  void lines;
  const documents = parsed.documents.map((d): AnalyzedDocument => ({
    ...d,
    responsibilities: [],
    deadlines: [],
    validity: extractValidity(d),
    citations: extractCitations(d),
    groups: [],
    amounts: [],
    contacts: [],
  }));
  for (const d of documents) resolveCitations(d.citations, documents);
  return { ...parsed, documents };
}
