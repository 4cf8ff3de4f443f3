// Zod schemas of every supervision request: the JSON API validates with
// them, the HTML forms are normalized (fromForm) and validated with the same
// ones, and the OpenAPI document is generated from them.
import { z } from 'zod';
import { GongbaoError } from '../../errors.js';
import { GRADES, SOURCE_KINDS, STATUSES, type Action, type Actor } from '../../supervise/model.js';
import type { RegisterOptions } from '../../supervise/propose.js';

const day = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number, what: string) => z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);
const comment = z.string().trim().max(2000, '意见不超过 2000 字').optional().describe('意见或说明');

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

export const createTaskBody = z.object({
  title: text(300, '工作内容').describe('工作内容'),
  lead: text(100, '牵头单位').describe('牵头单位'),
  assist: z.array(z.string().trim().min(1).max(100)).max(20).optional().describe('协办/配合单位'),
  due: day.optional().describe('办结期限（省略则按“13710”规则：一般事项 7 个工作日、重点事项 1 个月，遇节假日顺延）'),
  source: z.string().trim().max(60).optional().describe('来源文件的发文字号'),
  sourceKind: z.enum(Object.keys(SOURCE_KINDS) as [keyof typeof SOURCE_KINDS]).optional().describe('任务来源类别'),
  major: z.boolean().optional().describe('重点事项（须经主要领导批准立项；延期、办结由主要领导审定）'),
  approvedBy: z.string().trim().max(30).optional().describe('批准重点事项立项的主要领导（督查室代为记录），如 主要领导'),
  requirements: z.string().trim().max(2000).optional().describe('办理要求'),
  criteria: z.string().trim().max(2000).optional().describe('完成标准'),
  leadLeader: z.string().trim().max(60).optional().describe('牵头领导'),
  responsibleLeader: z.string().trim().max(60).optional().describe('责任领导'),
});

export const listQuery = z.object({
  unit: z.string().trim().max(100).optional().describe('单位（牵头或协办）；责任单位用户只能看本单位'),
  status: z.enum(STATUSES).optional().describe('状态'),
  due: z.enum(['overdue', 'soon']).optional().describe('overdue：已超期未办结；soon：7 天内到期'),
});

export const periodQuery = z.object({
  quarter: z.string().regex(/^\d{4}[Qq][1-4]$/, '季度格式应为 2022Q2').optional().describe('季度，如 2022Q2'),
  year: z.string().regex(/^\d{4}$/, '年度格式应为 2022').optional().describe('年度，如 2022（与 quarter 二选一）'),
});

export const proposalsQuery = z.object({ from: text(60, '发文字号').describe('发文字号，如 五政办发〔2022〕8号') });
const rowEdit = z.object({
  due: day.optional().describe('办结期限（默认取条文自己的时限）'),
  lead: z.string().trim().min(1).max(100).optional().describe('牵头单位'),
  major: z.boolean().optional().describe('重点事项'),
});
export const proposalsBody = proposalsQuery.extend({
  only: z.array(z.number().int().min(1).max(1000)).max(500).optional().describe('只立项这些序号（从 1 起）；省略则立项全部未立项的建议'),
  rows: z.record(z.string().regex(/^\d{1,4}$/), rowEdit).optional().describe('逐项修改：序号 → { due, lead, major }'),
  approvedBy: z.string().trim().max(30).optional().describe('批准重点事项的主要领导'),
});

/** A validated proposals body → registration options (rows keyed by number). */
export function proposalOptions(body: z.output<typeof proposalsBody>, actor: Actor): RegisterOptions {
  const rows = Object.fromEntries(Object.entries(body.rows ?? {}).map(([k, v]) => [Number(k), v]));
  return { ...(body.only ? { only: body.only } : {}), rows, ...(body.approvedBy ? { approvedBy: body.approvedBy } : {}), actor };
}

export const editBody = z.object({
  title: z.string().trim().min(1).max(300).optional().describe('工作内容'),
  due: day.optional().describe('办结期限'),
  lead: z.string().trim().min(1).max(100).optional().describe('牵头单位'),
  assist: z.array(z.string().trim().min(1).max(100)).max(20).optional().describe('协办/配合单位（替换原有的）'),
  major: z.boolean().optional().describe('重点事项'),
  approvedBy: z.string().trim().max(30).optional().describe('批准重点事项的主要领导'),
  comment: z.string().trim().max(1000).optional().describe('修改理由'),
});

export const unitsQuery = z.object({ q: z.string().trim().max(60).optional().describe('单位名称（可不完整）') });

const decision = z.enum(['approve', 'reject']).describe('approve 同意；reject 不同意');
const leader = z.string().trim().max(30).optional()
  .describe('督查室代为记录领导审定决定时，写作出决定的领导（分管领导 或 主要领导）；不写则督查室的意见为初审建议');

/** The web actions (as the CLI names them) and their bodies. */
export const ACTION_BODIES = {
  accept: z.object({ comment: comment.describe('安排部署情况') }),
  report: z.object({ comment: text(2000, '落实情况').describe('落实情况、困难问题、下一步打算') }),
  extend: z.object({ to: day.describe('申请延至'), reason: text(1000, '延期理由').describe('延期理由') }),
  'decide-extension': z.object({ decision, comment, leader }),
  complete: z.object({ comment: text(2000, '办结情况').describe('办结情况') }),
  'decide-completion': z.object({ decision, comment: comment.describe('审定意见；不同意则继续督办'), leader }),
  supervise: z.object({ comment: comment.describe('督办意见') }),
  summon: z.object({ comment: comment.describe('约谈事由') }),
  cancel: z.object({ comment: comment.describe('撤销理由') }),
  grade: z.object({ grade: z.enum(GRADES).describe('评定等次'), reason: text(1000, '理由').describe('调整理由') }),
} as const;
export type WebAction = keyof typeof ACTION_BODIES;
export const WEB_ACTIONS = Object.keys(ACTION_BODIES) as WebAction[];

export const WEB_ACTION_LABEL: Record<WebAction, string> = {
  accept: '承办', report: '反馈落实情况', extend: '申请延期', 'decide-extension': '审批延期', complete: '申请办结',
  'decide-completion': '审定办结', supervise: '督办', summon: '约谈', cancel: '撤销', grade: '调整评定等次',
};

/** The service action(s) a web action stands for: decisions have two. */
export const SERVICE_ACTIONS: Record<WebAction, Exclude<Action, 'register'>[]> = {
  accept: ['accept'], report: ['report'], extend: ['request-extension'],
  'decide-extension': ['approve-extension', 'reject-extension'], complete: ['request-completion'],
  'decide-completion': ['approve-completion', 'reject-completion'], supervise: ['supervise'], summon: ['summon'], cancel: ['cancel'], grade: ['grade'],
};

/** A web action's validated body → the service action and its input. */
export function serviceCall(action: WebAction, body: Record<string, unknown>): { action: Exclude<Action, 'register'>; input: { comment?: string; to?: string; reason?: string; grade?: string; leader?: string } } {
  const pair = SERVICE_ACTIONS[action];
  const chosen = pair.length === 2 ? pair[body.decision === 'approve' ? 0 : 1]! : pair[0]!;
  const input: { comment?: string; to?: string; reason?: string; grade?: string; leader?: string } = {};
  for (const k of ['comment', 'to', 'reason', 'grade', 'leader'] as const) if (typeof body[k] === 'string' && body[k] !== '') input[k] = body[k];
  return { action: chosen, input };
}

/**
 * Form fields → the JSON shape: empty fields dropped, `_csrf` removed, the
 * assist list split on 、，, and spaces, checkboxes to booleans, `only` to numbers.
 */
export function fromForm(form: Record<string, string | File | (string | File)[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(form)) {
    if (k === '_csrf') continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (k === 'only') out.only = values.map(Number).filter((n) => Number.isInteger(n));
    else if (k === 'major') out.major = values.includes('on') || values.includes('true');
    else if (/^row-\d+-(?:due|lead|major)$/.test(k)) {
      // Proposal rows: `row-3-due` → rows['3'].due.
      const [, no, field] = /^row-(\d+)-(.+)$/.exec(k)!;
      const rows = (out.rows ??= {}) as Record<string, Record<string, unknown>>;
      const row = (rows[no!] ??= {});
      if (field === 'major') row.major = values.includes('on') || values.includes('true');
      else if (values[0]?.trim()) row[field!] = values[0].trim();
    }
    else if (k === 'assist') out.assist = values.flatMap((v) => v.split(/[、，,;；\s]+/)).filter(Boolean);
    else if (values[0] !== undefined && values[0].trim() !== '') out[k] = values[0];
  }
  return out;
}

const zh = z.locales.zhCN();

/** Validate a form's fields: a 400 whose message is the field errors alone, for showing on the form. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input, { error: zh.localeError });
  if (!r.success) throw new GongbaoError('bad-argument', [...new Set(r.error.issues.map((i) => i.message))].join('；'));
  return r.data;
}
