// The supervision API in /api/openapi.json: every endpoint and action,
// described with the schemas the routes validate with (schemas.ts) and
// response shapes for readers. Registered once, at import.
import { z } from 'zod';
import { registerEndpoint, type EndpointSpec } from '../api/routes.js';
import { idParams } from '../api/schemas.js';
import { interpretationBody, subjectBody } from './editorial.js';

const interpretationSchema = z.object({ id: z.number().int(), title: z.string(), url: z.string(), addedAt: z.string() });
import { GRADES, STATUSES } from '../../supervise/model.js';
import { ROLES } from '../../supervise/auth.js';
import { ACTION_BODIES, createTaskBody, editBody, listQuery, loginBody, periodQuery, proposalsBody, proposalsQuery, unitsQuery, WEB_ACTION_LABEL, WEB_ACTIONS } from './schemas.js';

const TAG = '督办';
const AUTH = '需登录（会话 Cookie）。';
const POST_AUTH = '需登录（会话 Cookie），并在 X-CSRF-Token 请求头中提供登录时返回的 csrfToken。';

const str = z.string();
const nstr = z.string().nullable();
const user = z.object({ id: z.number().int(), username: str, displayName: nstr, unit: str, role: z.enum(ROLES) });
const session = z.object({ user, csrfToken: str.describe('之后每个 POST 请求的 X-CSRF-Token'), expiresAt: str });
const actor = z.object({ unit: str, role: z.enum(ROLES), user: str.optional(), recordedBy: str.optional().describe('督查室代为记录领导决定时的记录人') });

export const taskSchema = z.object({
  id: z.number().int(), title: str, leadUnit: str, assistUnits: z.array(str), status: z.enum(STATUSES), statusLabel: str,
  source: z.object({ kind: str, docNumber: nstr.optional(), documentId: z.number().int().nullable().optional() }),
  requirements: nstr, completionCriteria: nstr, leadLeader: nstr, responsibleLeader: nstr, major: z.boolean(),
  registeredAt: str, acceptDue: str.describe('承办时限'), reportDue: str.describe('首次反馈时限'), due: str.describe('办结期限'), originalDue: str,
  extensionRequestedTo: nstr, acceptedAt: nstr, lastReportAt: nstr, closedAt: nstr, preReviewed: z.boolean(), supervised: z.boolean(),
  extensions: z.number().int(), grade: z.enum(GRADES).nullable(), version: z.number().int(), url: str,
  dueSource: z.enum(['given', 'clause', 'default']).describe('办结期限来源：立项时确定、文件条文的时限、按规则计算'),
  calendarConfirmed: z.boolean().describe('false：所涉年份的节假日安排通知尚未导入，期限按周末推算'),
  majorApproval: z.object({ by: str, recordedBy: nstr, at: str }).nullable().describe('重点事项经主要领导批准的记录'),
  recommendation: z.object({ on: z.enum(['extension', 'completion']), decision: z.enum(['approve', 'reject']), by: str, at: str, comment: nstr }).nullable()
    .describe('督查室对待审定申请的初审建议'),
});
const warning = z.looseObject({ kind: str, key: str, raisedAt: str, unit: str, message: str.optional() });
const history = z.object({ seq: z.number().int(), action: str, from: nstr, to: str, actor, at: str, comment: nstr, refs: z.record(str, z.unknown()) });
const taskDetail = taskSchema.extend({
  warnings: z.array(warning), history: z.array(history), actions: z.array(z.enum(WEB_ACTIONS)).describe('当前用户此刻可执行的操作'),
});
const taskList = z.object({ total: z.number().int(), counts: z.record(str, z.number().int()), items: z.array(taskSchema) });
const grades = z.object(Object.fromEntries(GRADES.map((g) => [g, z.number().int()])));
const evaluation = z.object({
  period: z.object({ label: str, from: str, to: str, year: z.number().int() }),
  units: z.array(z.object({
    rank: z.number().int(), unit: str, tasks: z.number().int(), graded: z.number().int(), onTime: z.number().int(), overdue: z.number().int(),
    extended: z.number().int(), summons: z.number().int(), redCards: z.number().int(), summonsInYear: z.number().int(), redCardsInYear: z.number().int(),
    grades, score: z.number(), rating: z.enum(['优秀', '良好', '一般', '较差', '未评']), capped: nstr.describe('不得评为优秀的原因'),
  })),
  tasks: z.array(z.object({ id: z.number().int(), unit: str, title: str, grade: z.enum(GRADES).nullable(), reasons: z.array(str).describe('评定依据（8号 四（一））') })),
});
const dashboard = z.object({
  today: str,
  totals: z.object({ tasks: z.number().int(), open: z.number().int(), overdue: z.number().int(), closed: z.number().int(), warnings: z.number().int() }),
  overdueByUnit: z.array(z.object({ unit: str, overdue: z.number().int(), open: z.number().int() })),
  quarters: z.array(z.object({ quarter: str, due: z.number().int(), closed: z.number().int(), onTime: z.number().int(), rate: z.number(), onTimeRate: z.number() })),
});
const proposal = z.looseObject({ no: z.number().int(), title: str, lead: str, assist: z.array(str).optional(), due: str.optional(), responsibilityId: z.number().int(), clause: nstr, deadlineText: nstr, taskId: z.number().int().nullable() });
const ingestResult = z.looseObject({
  file: str, status: z.enum(['added', 'new-version', 'unchanged']), issueKey: str, version: z.number().int(), documents: z.number().int(),
  diagnostics: z.array(z.object({ severity: str, code: str, message: str, line: z.number().int() })),
});
const raised = z.object({ taskId: z.number().int(), unit: str, kind: str, key: str, message: str });

const post = (spec: Omit<EndpointSpec, 'method' | 'tags'>): EndpointSpec => ({ ...spec, method: 'post', tags: [TAG], description: `${spec.description ? `${spec.description}\n\n` : ''}${POST_AUTH}` });
const get = (spec: Omit<EndpointSpec, 'tags'>): EndpointSpec => ({ ...spec, tags: [TAG], description: `${spec.description ? `${spec.description}\n\n` : ''}${AUTH}` });

export const SUPERVISION_ENDPOINTS: EndpointSpec[] = [
  {
    path: '/api/supervision/login', method: 'post', tags: [TAG], summary: '登录督办系统', body: loginBody, response: { schema: session }, errors: [401],
    description: '成功时设置 HttpOnly 会话 Cookie，并返回之后 POST 请求须携带的 csrfToken。同一用户名与来源地址 15 分钟内失败 5 次后返回 429（请稍后再试）。',
  },
  post({ path: '/api/supervision/logout', summary: '退出登录', response: { schema: z.object({ ok: z.boolean() }) }, errors: [401, 403] }),
  get({ path: '/api/supervision/me', summary: '当前用户与 CSRF 令牌', response: { schema: session }, errors: [401] }),
  get({ path: '/api/supervision/tasks', summary: '督办任务列表（责任单位只看本单位）', query: listQuery, response: { schema: taskList }, errors: [401] }),
  post({ path: '/api/supervision/tasks', summary: '立项（督查室、领导）', body: createTaskBody, response: { schema: taskSchema, description: '已立项（201）' }, errors: [401, 403] }),
  get({ path: '/api/supervision/tasks/{id}', summary: '任务详情：预警、办理记录与可执行操作', params: idParams, response: { schema: taskDetail }, errors: [401, 403, 404] }),
  ...WEB_ACTIONS.map((a) => post({
    path: `/api/supervision/tasks/{id}/${a}`, summary: `任务操作：${WEB_ACTION_LABEL[a]}`, params: idParams, body: ACTION_BODIES[a],
    response: { schema: taskSchema, description: '操作后的任务' }, errors: [401, 403, 404, 409],
    description: '无权操作（如非牵头单位）返回 403 并记入审计日志；任务状态不允许时返回 409。',
  })),
  post({
    path: '/api/supervision/tasks/{id}/edit', summary: '立项后修改任务（督查室）：工作内容、办结期限、单位、重点事项', params: idParams, body: editBody,
    response: { schema: taskSchema, description: '修改后的任务' }, errors: [401, 403, 404, 409],
    description: '修改前后的内容记入办理记录；设为重点事项须记录主要领导的批准（approvedBy）。',
  }),
  get({
    path: '/api/supervision/units', summary: '单位名录：名称核对与输入提示', query: unitsQuery, errors: [401],
    response: { schema: z.object({ q: str, unit: nstr.describe('q 对应的规范单位名称（别名也可），未知为 null'), suggestions: z.array(str) }) },
  }),
  post({
    path: '/api/supervision/tick', summary: '扫描时限：提醒、预警、督办通知书、升级督办、红牌（督查室），并扫描政务数据共享的时限', errors: [401, 403],
    response: { schema: z.object({ raised: z.array(raised), sharing: z.array(z.object({ subject: str, unit: str, kind: str, key: str, message: str })).describe('政务数据共享的提醒与逾期预警') }) },
  }),
  get({ path: '/api/supervision/proposals', summary: '从文件的责任分工生成任务建议（督查室）', query: proposalsQuery, response: { schema: z.object({ from: str, total: z.number().int(), items: z.array(proposal) }) }, errors: [401, 403, 404] }),
  post({ path: '/api/supervision/proposals', summary: '批量立项任务建议（督查室）', body: proposalsBody, response: { schema: z.object({ total: z.number().int(), items: z.array(taskSchema) }), description: '已立项（201）' }, errors: [401, 403, 404] }),
  get({ path: '/api/supervision/evaluation', summary: '季度/年度考核评价与排名', query: periodQuery, response: { schema: evaluation }, errors: [401, 403] }),
  get({ path: '/api/supervision/evaluation.csv', summary: '导出考核评价（CSV）', query: periodQuery, response: { contentType: 'text/csv; charset=utf-8', description: '考核评价表（UTF-8 带 BOM，附件下载）' }, errors: [401, 403] }),
  get({
    path: '/api/supervision/evaluation.xlsx', summary: '导出考核评价（Excel）', query: periodQuery, errors: [401, 403],
    response: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: '考核评价表（XLSX，附件下载）' },
  }),
  post({
    path: '/api/supervision/library/files', summary: '载入公报或公文文件（督查室）：PDF、DOCX、网页或文本', errors: [401, 403, 409, 422],
    body: z.object({ file: z.string().describe('文件内容（multipart/form-data 的 file 字段）'), replace: z.enum(['1', 'true']).optional().describe('新版本的公文少于当前版本时仍设为当前版本') }), bodyType: 'multipart/form-data',
    response: { schema: ingestResult, description: '载入结果：新增或新版本（201），已载入过（200）；无法读取的文件不写入文库' },
  }),
  post({
    path: '/api/supervision/library/documents/{id}/subject', summary: '指定或恢复一件公文的主题分类（督查室，记入审计日志）', params: idParams, errors: [401, 403, 404],
    body: subjectBody, response: { schema: z.object({ subject: z.object({ category: z.string(), sub: z.string().nullable(), setAt: z.string(), setBy: z.string().nullable() }).nullable() }) },
  }),
  post({
    path: '/api/supervision/library/documents/{id}/interpretations', summary: '为一件公文添加政策解读链接（督查室，记入审计日志）', params: idParams, errors: [401, 403, 404],
    body: interpretationBody, response: { schema: interpretationSchema, description: '已添加（201）' },
  }),
  post({
    path: '/api/supervision/library/documents/{id}/interpretations/{iid}/delete', summary: '删除一件公文的政策解读链接（督查室，记入审计日志）', errors: [401, 403, 404],
    params: z.object({ id: z.coerce.number().int().positive(), iid: z.coerce.number().int().positive() }),
    response: { schema: z.object({ interpretations: z.array(interpretationSchema) }) },
  }),
  get({ path: '/api/supervision/dashboard', summary: '督办看板数据：各单位超期任务、各季度办结率', response: { schema: dashboard }, errors: [401, 403] }),
];

registerEndpoint(...SUPERVISION_ENDPOINTS);
