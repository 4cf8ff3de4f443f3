// Every public endpoint of the read API, feeds and site files, described
// with the very schemas the routes validate with. openapi.ts renders these.
import type { EndpointSpec } from './endpoint-spec.js';
import * as r from './responses.js';
import {
  changesQuery, docNumberParams, documentsQuery, idParams, searchExportQuery, searchFeedQuery, searchQuery, unitParams,
} from './schemas.js';

const CSV = 'text/csv; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';
const csv = (what: string) => ({ contentType: CSV, description: `${what}（UTF-8 带 BOM，附件下载）` });

export const ENDPOINTS: EndpointSpec[] = [
  { path: '/api/issues', summary: '公报期次列表', tags: ['期次'], response: { schema: r.listOf(r.issueSchema) } },
  {
    path: '/api/issues/{id}', summary: '一期公报：目录（关联到公文）与所收公文', tags: ['期次'], params: idParams,
    response: { schema: r.issueDetailSchema }, errors: [404],
  },
  {
    path: '/api/documents', summary: '公文列表（分页，按成文日期倒序）', tags: ['公文'], query: documentsQuery,
    response: { schema: r.documentPageSchema },
  },
  { path: '/api/documents.csv', summary: '导出全部现行公文目录（CSV）', tags: ['公文'], response: csv('发文字号、标题、发文机关、成文日期、栏目、有效性') },
  {
    path: '/api/documents/by-number/{docNumber}', summary: '按发文字号查找公文', tags: ['公文'], params: docNumberParams,
    response: { schema: r.documentSchema }, errors: [404],
  },
  {
    path: '/api/documents/{id}', summary: '一件公文的完整信息（含解析与抽取结果）', tags: ['公文'], params: idParams,
    response: { schema: r.documentSchema }, errors: [404],
  },
  {
    path: '/api/documents/{id}.md', summary: '下载一件公文的 Markdown 文本', tags: ['公文'], params: idParams,
    response: { contentType: 'text/markdown; charset=utf-8', description: 'Markdown 文本（附件下载）' }, errors: [404],
  },
  {
    path: '/api/documents/{id}/source', summary: '公文的原文行', tags: ['公文'], params: idParams,
    response: { schema: r.sourceSchema }, errors: [404],
  },
  {
    path: '/api/documents/{id}/original', summary: '下载公文所在的原始文件（PDF、DOCX、网页或文本，原样）', tags: ['公文'], params: idParams,
    response: { contentType: 'application/octet-stream', description: '原始文件（附件下载；PDF 为 application/pdf）' }, errors: [404],
  },
  {
    path: '/api/documents/{id}/citations', summary: '公文的引用关系（引用、被引用、废止）与关系图', tags: ['公文'], params: idParams,
    response: { schema: r.citationsSchema }, errors: [404],
  },
  {
    path: '/api/documents/{id}/responsibilities.csv', summary: '导出一件公文的责任分工（CSV）', tags: ['公文'], params: idParams,
    response: csv('任务、牵头/责任/配合单位、期限与原文行'), errors: [404],
  },
  {
    path: '/api/search', summary: '检索公文（与命令行 search --json 输出相同）', tags: ['检索'], query: searchQuery,
    response: { schema: r.searchSchema },
  },
  { path: '/api/search.csv', summary: '导出检索结果（CSV，最多 1000 条）', tags: ['检索'], query: searchExportQuery, response: csv('检索命中的公文') },
  { path: '/api/units', summary: '责任单位名录', tags: ['单位'], response: { schema: r.listOf(r.unitSchema) } },
  {
    path: '/api/units/{id}', summary: '一个单位及其任务（按期限排序）', tags: ['单位'], params: unitParams,
    response: { schema: r.unitDetailSchema }, errors: [404],
  },
  {
    path: '/api/units/{id}/tasks.csv', summary: '导出一个单位的任务清单（CSV）', tags: ['单位'], params: unitParams,
    response: csv('单位承担的任务'), errors: [404],
  },
  { path: '/api/stats', summary: '文库统计', tags: ['统计与同步'], response: { schema: r.statsSchema } },
  {
    path: '/api/changes', summary: '增量同步：某游标之后新增或被取代的公文', tags: ['统计与同步'], query: changesQuery,
    description: '从 since 省略开始，反复以返回的 next 作为 since 请求，直到 next 为 null。',
    response: { schema: r.changesSchema },
  },
  {
    path: '/api/openapi.json', summary: '本接口的 OpenAPI 3.1 描述', tags: ['统计与同步'],
    response: { contentType: 'application/json', description: 'OpenAPI 文档' },
  },
  { path: '/feeds/issues.atom', summary: '订阅：最新公报（Atom）', tags: ['订阅与站点'], response: { contentType: ATOM, description: 'Atom 1.0' } },
  {
    path: '/feeds/search.atom', summary: '订阅：保存的检索（Atom）', tags: ['订阅与站点'], query: searchFeedQuery,
    response: { contentType: ATOM, description: 'Atom 1.0' },
  },
  {
    path: '/feeds/units/{id}.atom', summary: '订阅：一个单位的任务（Atom）', tags: ['订阅与站点'], params: unitParams,
    response: { contentType: ATOM, description: 'Atom 1.0' }, errors: [404],
  },
  { path: '/sitemap.xml', summary: '站点地图', tags: ['订阅与站点'], response: { contentType: 'application/xml; charset=utf-8', description: 'Sitemap 0.9' } },
  { path: '/robots.txt', summary: '爬虫规则', tags: ['订阅与站点'], response: { contentType: 'text/plain; charset=utf-8', description: 'robots.txt' } },
];
