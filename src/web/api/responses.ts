// Zod schemas of the API's responses, for the OpenAPI document only (the
// presenters build the JSON). They pin the top-level shapes and the fields
// clients rely on; nested analysis data is left open.
import { z } from 'zod';
import { STATUSES } from '../../store/status.js';

const str = z.string();
const nstr = z.string().nullable();
const nint = z.number().int().nullable();
const lines = z.tuple([z.number().int(), z.number().int()]).describe('原文行范围（含首尾）');

export const errorSchema = z.object({
  error: z.object({ code: z.string().describe('错误代码，如 bad-argument、not-found'), message: z.string().describe('中文说明') }),
});

export const documentSummarySchema = z.object({
  id: z.number().int(), docNumber: nstr, title: str, issuer: nstr, date: nstr, category: nstr, tocPage: nint,
  status: z.enum(STATUSES), issueId: z.number().int(), url: str.describe('公文页面地址 /documents/:id'),
});

export const issueSchema = z.object({
  id: z.number().int(), key: str, version: z.number().int(), gazette: nstr, publisher: nstr, year: nint, number: nint,
  part: nstr, serial: nint, periodStart: nstr, periodEnd: nstr, published: nstr, documents: z.number().int().describe('收录公文件数'),
  ingestedAt: str, title: str, url: str,
});

const tocEntry = z.object({
  category: nstr, title: str, docNumber: nstr, page: nint, lines, documentId: nint, url: nstr,
});

export const issueDetailSchema = issueSchema.extend({ toc: z.array(tocEntry), documentList: z.array(documentSummarySchema) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const documentPageSchema = z.object({
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(documentSummarySchema),
  next: nstr.describe('下一页的地址；没有下一页时为 null'),
});

const link = z.object({ docNumber: nstr, title: nstr, kind: str, documentId: nint, lines: lines.nullable(), url: nstr });

export const documentSchema = z.object({
  id: z.number().int(),
  url: str,
  summary: documentSummarySchema.extend({ repealedBy: nstr }),
  statusReason: str.describe('有效性的依据，如“未规定有效期，未见废止”“有效期至2027年2月28日”'),
  issue: issueSchema,
  doc: z.record(z.string(), z.unknown()).describe('解析与抽取结果（与 gongbao parse 的 JSON 相同，不含 blocks 与 text）'),
  subject: z.object({ category: str, sub: nstr, source: z.enum(['editor', 'page', 'rules']), reason: str }).nullable()
    .describe('显示的主题分类：编辑指定、原网页标注或按规则归类'),
  defaultTerm: z.object({ expires: str, by: z.object({ id: z.number().int(), docNumber: nstr, title: str, text: str }) }).nullable()
    .describe('本文未规定有效期时，文库中规范性文件管理办法给出的有效期及其依据'),
  interpretations: z.array(z.object({ id: z.number().int(), title: str, url: str, addedAt: str })).describe('编辑添加的政策解读链接'),
  cites: z.array(link), citedBy: z.array(link), repeals: z.array(link), repealedBy: z.array(link),
  updatedAt: str,
  downloads: z.object({ json: str, markdown: str, source: str, responsibilitiesCsv: str }),
});

export const sourceSchema = z.object({
  documentId: z.number().int(), url: str, lines: z.array(z.object({ no: z.number().int(), raw: str })),
});

export const citationsSchema = z.object({
  documentId: z.number().int(), url: str,
  cites: z.array(link), citedBy: z.array(link), repeals: z.array(link), repealedBy: z.array(link),
  graph: z.object({
    nodes: z.array(z.object({ id: str, label: str, documentId: nint, kind: z.enum(['self', 'document', 'stub']), url: nstr })),
    edges: z.array(z.object({ from: str, to: str, kind: z.enum(['cites', 'repeals']) })),
  }),
});

const facet = z.array(z.object({ value: str, count: z.number().int() }));

export const searchSchema = z.object({
  total: z.number().int().describe('命中文件数；totalExact 为 false 时表示“至少”这么多'),
  totalExact: z.boolean().describe('命中数是否精确（超过 10000 件时停止计数）'),
  page: z.number().int(), pageSize: z.number().int(), relaxed: z.boolean().describe('是否仅部分词语匹配'),
  approximate: z.boolean().describe('按日期排序且命中过多时，只列出最新的 ranked 件；按相关度排序时总为 false（对全部命中排序）'),
  facetsExact: z.boolean().describe('分面件数是否精确：命中超过 500 件时按样本估计（true 为精确）'),
  ranked: z.number().int().describe('参与排序的命中数；超出部分的页为空'),
  hits: z.array(z.object({
    id: z.number().int(), docNumber: nstr, title: str, issuer: nstr, date: nstr, category: nstr, status: z.enum(STATUSES),
    score: z.number(), snippet: str.describe('摘要（HTML，命中词以 <mark> 标出）'), url: str,
  })),
  facets: z.object({ year: facet, issuer: facet, category: facet, status: facet, unit: facet }),
  suggestions: z.array(z.object({ kind: z.enum(['year', 'unit', 'dateRange', 'docNumber', 'simplified']), value: str, label: str })),
});

export const unitSchema = z.object({
  id: str, name: str, kind: str, curated: z.boolean(), aliases: z.array(str), tasks: z.number().int(), leads: z.number().int(), url: str,
});

export const unitDetailSchema = unitSchema.extend({
  taskList: z.array(z.object({
    responsibilityId: z.number().int(), documentId: z.number().int(), docNumber: nstr, title: str, task: str, outlineId: nstr,
    role: z.enum(['lead', 'responsible', 'cooperating', 'inherited']), deadline: nstr, deadlineText: nstr, lines, url: str,
  })).describe('任务，按期限排序'),
});

const counted = (key: string) => z.array(z.object({ [key]: str, count: z.number().int() }));

export const statsSchema = z.object({
  documents: z.number().int(), issues: z.number().int(), units: z.number().int(), responsibilities: z.number().int(),
  byYearIssuer: z.array(z.object({ year: str, issuer: str, count: z.number().int() })),
  tasksPerUnit: counted('unit'), deadlinesPerMonth: counted('month'), status: counted('status'),
});

export const changesSchema = z.object({
  items: z.array(z.object({
    cursor: str, documentId: z.number().int(), docNumber: nstr, title: str, change: z.enum(['added', 'superseded']), at: str,
  })),
  next: nstr.describe('下一页游标（传给 since）；已到末尾时为 null'),
});
