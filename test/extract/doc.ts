// A document built from paragraphs (or blocks), for extractor unit tests.
import type { Block, ParsedDocument } from '../../src/parse/types.js';

export function docOf(blocks: (string | Block)[], fields: Partial<ParsedDocument> = {}): ParsedDocument {
  return {
    docNumber: null, title: 't', issuer: null, date: null, recipients: [], category: null, tocPage: null,
    lines: [1, 100], text: '', outline: [], tables: [], enclosures: [], attachments: [], diagnostics: [], signatureLines: null,
    blocks: blocks.map((b, i) => (typeof b === 'string' ? { kind: 'paragraph', text: b, lines: [i * 2 + 1, i * 2 + 1] } : b)),
    ...fields,
  };
}
