// The 政务数据共享 API in /api/openapi.json, described with the schemas its
// routes validate with (schemas.ts). Registered once, at import.
import { z } from 'zod';
import { registerEndpoint, type EndpointSpec } from '../api/routes.js';
import { idParams } from '../api/schemas.js';
import { periodQuery } from '../supervise/schemas.js';
import { REQUEST_STATUSES, SHARE_TYPES, TRIGGER_KINDS } from '../../share/model.js';
import {
  actionBody, catalogueQuery, correctionBody, correctionDoneBody, REQUEST_STEPS, requestBody, requestListQuery, resourceBody, resourceUpdateBody, triggerBody,
} from './schemas.js';

const TAG = '政务数据共享';
const AUTH = '需登录（会话 Cookie）。';
const POST_AUTH = '需登录（会话 Cookie），并在 X-CSRF-Token 请求头中提供登录时返回的 csrfToken。无权操作返回 403 并记入审计日志；状态不允许时返回 409。';
const str = z.string();
const nstr = z.string().nullable();
const int = z.number().int();

const resource = z.object({
  id: int, name: str, providerUnit: str, type: z.enum(SHARE_TYPES).describe('unconditional 无条件共享；conditional 有条件共享；none 不予共享'),
  exclusiveUnits: z.array(str).describe('专用部门名单（专用范围内的使用部门无需审核）'), reason: nstr, basis: nstr, agentUnit: nstr.describe('授权代理方'),
  description: nstr, createdAt: str, updatedAt: str, withdrawn: z.boolean(),
});
const request = z.object({
  id: int, resourceId: int, resourceName: str, type: z.enum(SHARE_TYPES), exclusive: z.boolean(), providerUnit: str, userUnit: str, purpose: str, scene: nstr,
  status: z.enum(REQUEST_STATUSES), statusLabel: str, submittedAt: str,
  reviewDue: nstr.describe('符合性审查时限（2 个工作日）；专用范围内为 null'), reviewedAt: nstr,
  responseDue: nstr.describe('提供部门答复时限（转提供部门后 5 个工作日）'), respondedAt: nstr, respondedBy: nstr, decidedAt: nstr, reason: nstr,
  reviewLate: z.boolean(), responseLate: z.boolean(), calendarConfirmed: z.boolean(), version: int, url: str,
});
const event = z.object({ seq: int, action: str, from: nstr, to: nstr, actor: z.object({ unit: str, role: str, user: str.optional() }), at: str, comment: nstr, refs: z.record(str, z.unknown()) });
const warning = z.object({ subject: str, unit: str, kind: str, key: str, raisedAt: str, message: str });
const correction = z.object({
  id: int, resourceId: int, resourceName: str, providerUnit: str, userUnit: str, problem: str, status: z.enum(['reported', 'corrected']),
  receivedAt: str, due: str.describe('校核更正时限（收到反馈之日起 5 个工作日）'), correctedAt: nstr, note: nstr, late: z.boolean(), calendarConfirmed: z.boolean(), version: int,
});
const trigger = z.object({
  id: int, unit: str, kind: z.enum(Object.keys(TRIGGER_KINDS) as [keyof typeof TRIGGER_KINDS]), note: nstr, changedOn: str, due: str.describe('目录更新时限（15 个工作日）'),
  recordedAt: str, updatedAt: nstr, late: z.boolean(), calendarConfirmed: z.boolean(),
});
const counts = (keys: string[]) => z.object(Object.fromEntries(keys.map((k) => [k, int])));
const boardRow = z.object({
  unit: str, resources: counts(['total', 'unconditional', 'conditional', 'none', 'exclusive']), asProvider: counts(['received', 'pending', 'granted', 'refused', 'late']),
  asUser: counts(['requests', 'pending', 'granted', 'refused', 'rejected']), corrections: counts(['received', 'open', 'late']), catalogue: counts(['triggers', 'open', 'late']), warnings: int,
});
const evaluation = z.object({
  period: z.object({ label: str, from: str, to: str, year: int }), asOf: str,
  units: z.array(z.object({
    rank: int, unit: str, reviews: int, lateReviews: int, received: int, lateResponses: int, refused: int, corrections: int, lateCorrections: int,
    catalogueUpdates: int, lateCatalogue: int, lateItems: int, result: z.enum(['按时', '有逾期', '建议书面通报']), findings: z.array(str),
  })),
});
const list = <T extends z.ZodType>(item: T) => z.object({ total: int, items: z.array(item) });

const base = '/api/supervision/share';
const get = (spec: Omit<EndpointSpec, 'tags'>): EndpointSpec => ({ ...spec, tags: [TAG], description: `${spec.description ? `${spec.description}\n\n` : ''}${AUTH}` });
const post = (spec: Omit<EndpointSpec, 'method' | 'tags'>): EndpointSpec => ({ ...spec, method: 'post', tags: [TAG], description: `${spec.description ? `${spec.description}\n\n` : ''}${POST_AUTH}` });
const file = (path: string, summary: string, query?: z.ZodObject): EndpointSpec[] => [
  get({ path: `${path}.csv`, summary: `${summary}（CSV）`, ...(query ? { query } : {}), errors: [401, 403], response: { contentType: 'text/csv; charset=utf-8', description: 'UTF-8 带 BOM，附件下载' } }),
  get({ path: `${path}.xlsx`, summary: `${summary}（Excel）`, ...(query ? { query } : {}), errors: [401, 403], response: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'XLSX，附件下载' } }),
];

export const SHARE_ENDPOINTS: EndpointSpec[] = [
  get({ path: `${base}/catalogue`, summary: '政务数据资源目录', query: catalogueQuery, response: { schema: list(resource) }, errors: [401] }),
  post({ path: `${base}/catalogue`, summary: '登记目录资源（本部门；管理部门可代为登记）', body: resourceBody, response: { schema: resource, description: '已登记（201）' }, errors: [401, 403, 409],
    description: '不予共享须说明理由和依据（10号 四（二）3）。' }),
  post({ path: `${base}/catalogue/{id}`, summary: '更新或撤下目录资源', params: idParams, body: resourceUpdateBody, response: { schema: resource }, errors: [401, 403, 404, 409] }),
  get({ path: `${base}/catalogue/changes`, summary: '目录更新事项（法律法规修订、职能变化）', response: { schema: list(trigger) }, errors: [401] }),
  post({ path: `${base}/catalogue/changes`, summary: '记录法律法规修订或职能变化：目录须在 15 个工作日内更新（10号 三（二））', body: triggerBody, response: { schema: trigger, description: '已记录（201）' }, errors: [401, 403] }),
  get({ path: `${base}/requests`, summary: '共享申请列表（部门只看与本部门有关的）', query: requestListQuery, response: { schema: list(request) }, errors: [401] }),
  post({ path: `${base}/requests`, summary: '提出共享申请（使用部门）', body: requestBody, response: { schema: request, description: '已提交（201）；专用范围内的部门直接共享' }, errors: [401, 403, 404, 409] }),
  get({ path: `${base}/requests/{id}`, summary: '共享申请详情与办理记录', params: idParams, response: { schema: request.extend({ history: z.array(event), warnings: z.array(warning) }) }, errors: [401, 403, 404] }),
  ...REQUEST_STEPS.map((s) => post({
    path: `${base}/requests/{id}/${s}`, summary: `共享申请办理：${s}`, params: idParams, body: actionBody, response: { schema: request }, errors: [401, 403, 404, 409],
    description: 'approve-review / reject-review：管理部门符合性审查；approve / refuse：提供部门或授权代理方答复（不予提供须 reason）；negotiate / escalate / withdraw：使用部门；coordinate-grant / coordinate-uphold：管理部门协调（须 reason）。',
  })),
  get({ path: `${base}/corrections`, summary: '纠错反馈列表', response: { schema: list(correction) }, errors: [401] }),
  post({ path: `${base}/corrections`, summary: '反馈共享数据的疑义或错误（使用部门）', body: correctionBody, response: { schema: correction, description: '已反馈（201）' }, errors: [401, 403, 404] }),
  get({ path: `${base}/corrections/{id}`, summary: '纠错反馈详情', params: idParams, response: { schema: correction.extend({ history: z.array(event), warnings: z.array(warning) }) }, errors: [401, 403, 404] }),
  post({ path: `${base}/corrections/{id}/done`, summary: '校核更正（提供部门或授权代理方，5 个工作日内）', params: idParams, body: correctionDoneBody, response: { schema: correction }, errors: [401, 403, 404, 409] }),
  post({ path: `${base}/tick`, summary: '扫描共享时限：提醒与逾期预警（管理部门、县政府办公室）', response: { schema: z.object({ raised: z.array(warning.omit({ raisedAt: true })) }) }, errors: [401, 403] }),
  get({ path: `${base}/board`, summary: '各部门数据共享情况（部门只看本部门）', response: { schema: z.object({ today: str, units: z.array(boardRow) }) }, errors: [401] }),
  ...file(`${base}/board`, '导出各部门数据共享情况'),
  get({ path: `${base}/evaluation`, summary: '考核评估（管理部门，10号 七）', query: periodQuery, response: { schema: evaluation }, errors: [401, 403] }),
  ...file(`${base}/evaluation`, '导出考核评估', periodQuery),
];

registerEndpoint(...SHARE_ENDPOINTS);
