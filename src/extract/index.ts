// Run every extractor over a parsed issue. Extractors are pure functions of a
// document (plus the issue's source lines where layout matters, and the unit
// registry, which learns the names it is shown).
import type { SourceLine } from '../text/lines.js';
import type { ParsedDocument, ParsedIssue } from '../parse/types.js';
import type { Extracted } from './types.js';
import { citationIndex, extractCitations, resolveCitations } from './citations.js';
import { extractValidity } from './validity.js';
import { extractResponsibilities } from './responsibilities.js';
import { extractDutyTables } from './duty-tables.js';
import { extractDutyProse } from './duty-prose.js';
import { mergeByLine } from './duty-common.js';
import { extractDeadlines } from './deadlines.js';
import { extractGroups } from './groups.js';
import { extractAmounts } from './amounts.js';
import { extractContacts } from './contacts.js';
import { assignSubject } from './subject.js';
import { UnitRegistry } from './units.js';
import { curatedUnitsFile } from '../paths.js';

export type AnalyzedDocument = ParsedDocument & Extracted;
export interface AnalyzedIssue extends Omit<ParsedIssue, 'documents'> {
  documents: AnalyzedDocument[];
}

export const defaultRegistry = (): UnitRegistry => UnitRegistry.fromFile(curatedUnitsFile());

export function extractIssue(parsed: ParsedIssue, lines: SourceLine[], registry: UnitRegistry = defaultRegistry()): AnalyzedIssue {
  const documents = parsed.documents.map((d): AnalyzedDocument => {
    const deadlines = extractDeadlines(d);
    // Clauses first; then duties in task tables and in prose, outside every clause's task.
    const clauses = extractResponsibilities(d, registry, deadlines);
    // A document that assigns by clauses keeps to them: its prose about who does what is context, not
    // assignment (as the hand-checked fixtures read it). Prose duties are read where there are no clauses.
    const duties = [...extractDutyTables(d, registry, lines), ...(clauses.length ? [] : extractDutyProse(d, registry, clauses, deadlines))];
    return {
    ...d,
    responsibilities: mergeByLine(clauses, duties),
    deadlines,
    validity: extractValidity(d),
    citations: extractCitations(d),
    groups: extractGroups(d, lines),
    amounts: extractAmounts(d),
    contacts: extractContacts(d),
    subject: assignSubject(d.title, d.text),
    };
  });
  const index = citationIndex(documents);
  for (const d of documents) resolveCitations(d.citations, index);
  return { ...parsed, documents };
}
