// Zod schemas for every request's path parameters and query string. The
// same schemas validate requests and generate the OpenAPI document.
import type { Context } from 'hono';
import { z } from 'zod';
import { GongbaoError } from '../../errors.js';
import { searchRequestSchema } from '../../search/request.js';

const zh = z.locales.zhCN();

/** Longest `q` the search accepts; longer input is cut, never rejected. */
export const MAX_QUERY = 10_000;

const positiveId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, '编号应为正整数')
  .transform(Number)
  .describe('编号（正整数）');

export const idParams = z.object({ id: positiveId });

export const docNumberParams = z.object({
  docNumber: z.string().min(1).max(100).describe('发文字号，括号写法不限（〔〕、[]、（）等），需 URL 编码'),
});

export const unitParams = z.object({
  id: z.string().min(1).max(100).describe('单位 id 或简称（中文需 URL 编码）'),
});

const page = z.coerce.number().int().min(1).max(1000).default(1).describe('页码，1–1000');
const pageSize = z.coerce.number().int().min(1).max(100).default(20).describe('每页条数，1–100');

export const emptyQuery = z.object({});

export const documentsQuery = z.object({
  page,
  pageSize,
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('成文年份'),
});

const SEARCH_DESCRIPTIONS: Record<string, string> = {
  q: '检索词（可含发文字号、单位、年份）',
  year: '年份',
  issue: '期次 id',
  issuer: '发文机关',
  category: '栏目',
  unit: '责任单位 id 或简称',
  status: '有效性',
  from: '成文日期起（YYYY-MM-DD）',
  to: '成文日期止（YYYY-MM-DD）',
  sort: '排序：relevance（相关度）或 date（日期）',
  page: '页码，1–1000',
  pageSize: '每页条数，1–100',
};

function describedSearch() {
  const base = searchRequestSchema.omit({ today: true });
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(base.shape)) shape[k] = (v as z.ZodType).describe(SEARCH_DESCRIPTIONS[k] ?? k);
  return base.extend(shape as typeof base.shape);
}

/** The search API: the CLI's request without `today` (the server's clock decides). */
export const searchQuery = describedSearch();

/** CSV export of a search: every hit, so no paging. */
export const searchExportQuery = searchQuery.omit({ page: true, pageSize: true });

/** A saved search as a feed: newest first unless asked otherwise. */
export const searchFeedQuery = searchExportQuery.extend({
  sort: z.enum(['relevance', 'date']).default('date').describe('排序：默认 date（最新在前）'),
});

export const changesQuery = z.object({
  since: z
    .string()
    .max(200)
    .regex(/^[^|]{1,64}\|\d{1,12}$/, '游标无效，请使用上一页返回的 next')
    .optional()
    .describe('上一页返回的 next 游标（不透明字符串）；省略则从头开始'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页条数，1–500'),
});

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map((i) => `${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}`).join('；');

/** Validate `input` or throw a 400 `bad-argument` with a Chinese message. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input, { error: zh.localeError });
  if (!r.success) throw new GongbaoError('bad-argument', `参数有误：${describeIssues(r.error.issues)}`);
  return r.data;
}

/** Drop a lone high surrogate left by cutting a string. */
const cut = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n).replace(/[\uD800-\uDBFF]$/, ''));

/** The query string as a plain object; empty values count as absent, `q` is cut to MAX_QUERY. */
export function queryOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v !== '') out[k] = k === 'q' ? cut(v, MAX_QUERY) : v;
  return out;
}

export const paramsOf = (c: Context): Record<string, string> => c.req.param() as Record<string, string>;
