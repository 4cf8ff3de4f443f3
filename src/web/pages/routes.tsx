// Portal pages: server-rendered HTML for citizens, units and editors. Routes
// validate their input, call the read services and render one page module.
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { GongbaoError } from '../../errors.js';
import { searchRequestSchema } from '../../search/request.js';
import { unitNames } from '../../search/search.js';
import { documentIdByNumber, getDocument, getIssue, listDocuments, listIssues, originalName, sourceLines } from '../services/library.js';
import { getUnit, listUnits, stats } from '../services/insights.js';
import { filterChoices, findDocuments, hasFilters } from '../services/browse.js';
import { relatedDocuments } from '../services/related.js';
import { renderPage } from './layout.js';
import { ErrorPage } from './error.js';
import { HomePage } from './home.js';
import { IssuePage, IssuesPage } from './issues.js';
import { DocumentPage } from './document.js';
import { GraphPage } from './graph.js';
import { SearchPage } from './search.js';
import { FILTER_LABEL } from './search-form.js';
import { UnitPage, UnitsPage } from './units.js';
import { StatsPage } from './stats.js';

export function renderErrorPage(status: number, title: string, message: string): string {
  return renderPage(<ErrorPage status={status} title={title} message={message} />);
}

/** A numeric id from the path, or a 404. */
function idParam(value: string, what: string): number {
  const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new GongbaoError('not-found', `没有这个${what}：${value.slice(0, 40)}`);
  return id;
}


/** Search parameters from the query string: empty fields (as a GET form sends them) are left out. */
function searchParams(query: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (k !== 'today' && v.trim() !== '') out[k] = k === 'q' ? v : v.trim();
  return out;
}

export function registerPages(app: Hono<Env>): void {
  app.get('/', (c) => {
    const { db } = c.get('deps');
    const today = c.get('today');
    const data = { stats: stats(db, today), issues: listIssues(db), latest: listDocuments(db, { today, limit: 10, offset: 0 }).items, choices: filterChoices(db) };
    return c.html(renderPage(<HomePage data={data} />));
  });

  app.get('/issues', (c) => c.html(renderPage(<IssuesPage issues={listIssues(c.get('deps').db)} />)));

  app.get('/issues/:id', (c) => {
    const issue = getIssue(c.get('deps').db, idParam(c.req.param('id'), '期次'), c.get('today'));
    return c.html(renderPage(<IssuePage issue={issue} />));
  });

  app.get('/documents/:id', (c) => {
    const { db } = c.get('deps');
    const raw = c.req.param('id');
    // A 文号 in place of the id (`/documents/五政办发〔2022〕8号`) redirects to the document.
    if (!/^\d+$/.test(raw)) return c.redirect(`/documents/${documentIdByNumber(db, raw.slice(0, 60))}`, 302);
    const id = idParam(raw, '文件');
    const view = getDocument(db, id, c.get('today'));
    return c.html(renderPage(<DocumentPage data={{ view, source: sourceLines(db, id), original: originalName(db, id), related: relatedDocuments(db, id) }} />));
  });

  app.get('/documents/:id/graph', (c) => {
    const { db } = c.get('deps');
    const id = idParam(c.req.param('id'), '文件');
    return c.html(renderPage(<GraphPage view={getDocument(db, id, c.get('today'))} />));
  });

  app.get('/search', (c) => {
    const { db } = c.get('deps');
    const params = searchParams(c.req.query());
    const parsed = searchRequestSchema.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue?.path[0] ?? '');
      throw new GongbaoError('bad-argument', `检索参数“${FILTER_LABEL[key] ?? key}”的值无效：${(params[key] ?? '').slice(0, 40)}`);
    }
    const req = { ...parsed.data, today: c.get('today') };
    const result = req.q.trim() || hasFilters(req) ? findDocuments(db, req) : null;
    const docNumberIds: Record<string, number> = {};
    for (const s of result?.suggestions ?? []) {
      if (s.kind !== 'docNumber') continue;
      try {
        docNumberIds[s.value] = documentIdByNumber(db, s.value);
      } catch {
        // not in the library: no shortcut
      }
    }
    const data = { params, result, choices: filterChoices(db), units: unitNames(db), docNumberIds };
    return c.html(renderPage(<SearchPage data={data} />));
  });

  app.get('/units', (c) => c.html(renderPage(<UnitsPage units={listUnits(c.get('deps').db)} />)));

  app.get('/units/:id', (c) => {
    const unit = getUnit(c.get('deps').db, c.req.param('id').slice(0, 100));
    return c.html(renderPage(<UnitPage unit={unit} today={c.get('today')} />));
  });

  app.get('/stats', (c) => {
    const { db } = c.get('deps');
    return c.html(renderPage(<StatsPage stats={stats(db, c.get('today'))} />));
  });
}
