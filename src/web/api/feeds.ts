// Atom feeds (latest issues, a saved search, a unit's tasks), the sitemap
// and robots.txt. Links are absolute, built from the request's origin; the
// injectable clock dates whatever has no better date.
import type { Context, Hono } from 'hono';
import type { Env } from '../env.js';
import { findDocuments } from '../services/browse.js';
import { getUnit, listUnits } from '../services/insights.js';
import { listDocuments, listIssues } from '../services/library.js';
import { ROLE_LABELS, documentUrl, issueTitle, issueUrl, unitUrl } from './presenters.js';
import { queryOf, searchFeedQuery, unitParams, validate } from './schemas.js';
import { ATOM_TYPE, atomXml, latest, sitemapXml, type AtomEntry } from './xml.js';

export const FEED_SIZE = 50;

const originOf = (c: Context<Env>) => new URL(c.req.url).origin;
const nowIso = (c: Context<Env>) => c.get('deps').now().toISOString();
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function registerFeeds(app: Hono<Env>): void {
  app.get('/feeds/issues.atom', (c) => {
    const origin = originOf(c);
    const entries: AtomEntry[] = listIssues(c.get('deps').db).slice(0, FEED_SIZE).map((i) => ({
      id: `urn:gongbao:issue:${encodeURIComponent(i.key)}`,
      title: issueTitle(i),
      link: `${origin}${issueUrl(i.id)}`,
      updated: i.published ?? i.ingestedAt,
      summary: `收录公文 ${i.documents} 件${i.periodStart ? `，${i.periodStart} 至 ${i.periodEnd ?? ''}` : ''}${i.published ? `，${i.published} 出版` : ''}。`,
    }));
    const xml = atomXml({
      id: 'urn:gongbao:feed:issues', title: '公报通：最新公报', subtitle: '政府公报各期目录',
      self: `${origin}/feeds/issues.atom`, alternate: `${origin}/issues`,
      updated: latest(entries.map((e) => e.updated), nowIso(c)), entries,
    });
    return c.body(xml, 200, { 'Content-Type': ATOM_TYPE });
  });

  app.get('/feeds/search.atom', (c) => {
    const req = validate(searchFeedQuery, queryOf(c));
    const origin = originOf(c);
    const result = findDocuments(c.get('deps').db, { ...req, page: 1, pageSize: FEED_SIZE, today: c.get('today') });
    const qs = new URLSearchParams(queryOf(c)).toString();
    const entries: AtomEntry[] = result.hits.map((h) => ({
      id: `urn:gongbao:document:${h.id}`,
      title: h.docNumber ? `${h.title}（${h.docNumber}）` : h.title,
      link: `${origin}${h.url}`,
      updated: h.date ?? nowIso(c),
      summaryHtml: h.snippet,
      categories: [h.category, h.status].filter((x): x is string => Boolean(x)),
    }));
    const xml = atomXml({
      id: `urn:gongbao:feed:search:${qs}`, title: `公报通检索：${req.q || '全部公文'}`, subtitle: `共 ${result.total} 件`,
      self: `${origin}/feeds/search.atom${qs ? `?${qs}` : ''}`, alternate: `${origin}/search${qs ? `?${qs}` : ''}`,
      updated: latest(entries.map((e) => e.updated), nowIso(c)), entries,
    });
    return c.body(xml, 200, { 'Content-Type': ATOM_TYPE });
  });

  app.get('/feeds/units/:file{[^/]+\\.atom}', (c) => {
    const { id } = validate(unitParams, { id: c.req.param('file').slice(0, -'.atom'.length) });
    const unit = getUnit(c.get('deps').db, id);
    const origin = originOf(c);
    const now = nowIso(c);
    const entries: AtomEntry[] = unit.tasks_list.slice(0, FEED_SIZE * 4).map((t) => ({
      id: `urn:gongbao:responsibility:${t.responsibilityId}`,
      title: `${t.deadline ? `【${t.deadline}】` : t.deadlineText ? `【${t.deadlineText}】` : ''}${clip(t.task, 60)}`,
      link: `${origin}${documentUrl(t.documentId)}`,
      updated: now,
      summary: [`${t.title}${t.docNumber ? `（${t.docNumber}）` : ''}`, t.task, `角色：${ROLE_LABELS[t.role]}`,
        `期限：${t.deadlineText ?? '未标注'}`].join('\n'),
      categories: [ROLE_LABELS[t.role]],
    }));
    const xml = atomXml({
      id: `urn:gongbao:feed:unit:${encodeURIComponent(unit.id)}`, title: `公报通：${unit.name}的任务`, subtitle: `共 ${unit.tasks_list.length} 项，按期限排序`,
      self: `${origin}/feeds/units/${encodeURIComponent(unit.id)}.atom`, alternate: `${origin}${unitUrl(unit.id)}`,
      updated: now, entries,
    });
    return c.body(xml, 200, { 'Content-Type': ATOM_TYPE });
  });

  app.get('/sitemap.xml', (c) => {
    const origin = originOf(c);
    const { db } = c.get('deps');
    const urls = [
      ...['/', '/issues', '/documents', '/units', '/stats'].map((p) => ({ loc: `${origin}${p}` })),
      ...listIssues(db).map((i) => ({ loc: `${origin}${issueUrl(i.id)}`, lastmod: i.published })),
      ...listDocuments(db, { today: c.get('today'), limit: -1, offset: 0 }).items.map((d) => ({ loc: `${origin}${documentUrl(d.id)}`, lastmod: d.date })),
      ...listUnits(db).filter((u) => u.tasks > 0).map((u) => ({ loc: `${origin}${unitUrl(u.id)}` })),
    ];
    return c.body(sitemapXml(urls), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  app.get('/robots.txt', (c) =>
    c.text(['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /search', '', `Sitemap: ${originOf(c)}/sitemap.xml`, ''].join('\n')),
  );
}
