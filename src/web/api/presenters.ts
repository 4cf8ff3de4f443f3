// Presenters: service results → the plain JSON the API returns. They add the
// portal URL of every document, issue and unit and rename nothing else.
import type { SearchResult } from '../../search/search.js';
import type { DocumentSummary, DocumentView, IssueSummary, CitationLink, getIssue } from '../services/library.js';
import type { UnitSummary, UnitTask } from '../services/insights.js';
import { graphOf } from '../services/citations.js';
import type { ValidityStatus } from '../../extract/validity.js';
import { validityReason } from '../pages/format.js';

export const documentUrl = (id: number): string => `/documents/${id}`;
export const issueUrl = (id: number): string => `/issues/${id}`;
export const unitUrl = (id: string): string => `/units/${encodeURIComponent(id)}`;

export const issueTitle = (i: Pick<IssueSummary, 'gazette' | 'year' | 'number' | 'part'>): string =>
  `${i.gazette ?? '政府公报'} ${i.year ?? ''}年第${i.number ?? '?'}期${i.part ? `（${i.part}）` : ''}`;

export const presentIssue = (i: IssueSummary) => ({ ...i, title: issueTitle(i), url: issueUrl(i.id) });

export const presentSummary = (d: DocumentSummary) => ({ ...d, url: documentUrl(d.id) });

export function presentIssueDetail(v: ReturnType<typeof getIssue>) {
  const { toc, list, ...issue } = v;
  return {
    ...presentIssue(issue),
    toc: toc.map((e) => ({ ...e, url: e.documentId === null ? null : documentUrl(e.documentId) })),
    documentList: list.map(presentSummary),
  };
}

const presentLink = (l: CitationLink) => ({ ...l, url: l.documentId === null ? null : documentUrl(l.documentId) });

export const documentDownloads = (id: number) => ({
  json: `/api/documents/${id}`,
  markdown: `/api/documents/${id}.md`,
  source: `/api/documents/${id}/source`,
  responsibilitiesCsv: `/api/documents/${id}/responsibilities.csv`,
});

export function presentDocument(v: DocumentView) {
  return {
    id: v.summary.id,
    url: documentUrl(v.summary.id),
    summary: presentSummary(v.summary),
    /** Why the document has its 有效性 (summary.status), in a sentence. */
    statusReason: validityReason(v.doc.validity, v.summary.status as ValidityStatus, v.summary.repealedBy, v.defaultTerm),
    defaultTerm: v.defaultTerm,
    issue: presentIssue(v.issue),
    doc: v.doc,
    subject: v.subject,
    interpretations: v.editorial.interpretations,
    cites: v.cites.map(presentLink),
    citedBy: v.citedBy.map(presentLink),
    repeals: v.repeals.map(presentLink),
    repealedBy: v.repealedBy.map(presentLink),
    updatedAt: v.updatedAt,
    downloads: documentDownloads(v.summary.id),
  };
}

export function presentCitations(v: DocumentView) {
  const graph = graphOf(v.summary, v);
  return {
    documentId: v.summary.id,
    url: documentUrl(v.summary.id),
    cites: v.cites.map(presentLink),
    citedBy: v.citedBy.map(presentLink),
    repeals: v.repeals.map(presentLink),
    repealedBy: v.repealedBy.map(presentLink),
    graph: {
      nodes: graph.nodes.map((n) => ({ ...n, url: n.documentId === null ? null : documentUrl(n.documentId) })),
      edges: graph.edges,
    },
  };
}

export const presentUnit = (u: UnitSummary) => ({ ...u, url: unitUrl(u.id) });

export function presentUnitDetail(u: UnitSummary & { tasks_list: UnitTask[] }) {
  const { tasks_list, ...unit } = u;
  return { ...presentUnit(unit), taskList: tasks_list.map((t) => ({ ...t, url: documentUrl(t.documentId) })) };
}

/** Exactly the CLI's `gongbao search --json` object. */
export function presentSearch(r: SearchResult) {
  const { total, totalExact, page, pageSize, relaxed, hits, facets, facetsExact, suggestions, ranked } = r;
  return { total, totalExact, page, pageSize, relaxed, approximate: r.approximate ?? false, ranked, hits, facets, facetsExact, suggestions };
}

export const ROLE_LABELS: Record<UnitTask['role'], string> = { lead: '牵头', responsible: '负责', cooperating: '配合', inherited: '承继' };
