// Zod schemas of the 政务数据共享 requests: the JSON API and the HTML forms
// validate with the same ones (form values arrive as strings), and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import { REQUEST_STATUSES, SHARE_TYPE_HINT, TRIGGER_KINDS, parseShareType } from '../../share/model.js';

const text = (max: number, what: string) => z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);
const opt = (max: number) => z.string().trim().max(max).optional();
const id = z.coerce.number().int().positive();
/** A list of departments: an array, or one string separated by commas or 、. */
const units = z.union([z.array(z.string().trim().max(100)), z.string().max(2000)]).optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(/[,，、\n]/)).map((s) => s.trim()).filter(Boolean)));

/** 无条件 / 有条件 / 不予共享 / 专用 (or the English names), read by the service's parseShareType. */
const shareType = z.string().trim().refine((v) => parseShareType(v) !== null, SHARE_TYPE_HINT);

export const resourceBody = z.object({
  resource: text(200, '资源名称').describe('资源名称'),
  type: shareType.describe('共享类型：无条件、有条件、不予共享、专用（专用须列出 exclusive）'),
  exclusive: units.describe('专用部门名单'),
  reason: opt(1000).describe('不予共享的理由（不予共享时必填）'),
  basis: opt(1000).describe('不予共享的依据'),
  agent: opt(100).describe('授权代理方'),
  description: opt(2000).describe('说明'),
  provider: opt(100).describe('提供部门（管理部门代为登记时）'),
});

export const resourceUpdateBody = z.object({
  resource: opt(200).describe('资源名称'),
  type: shareType.optional().describe('共享类型'),
  exclusive: units.describe('专用部门名单'),
  reason: opt(1000), basis: opt(1000), agent: opt(100).describe('授权代理方（空字符串为取消）'), description: opt(2000),
  withdraw: z.union([z.boolean(), z.enum(['on', 'true'])]).optional().transform((v) => v === true || v === 'on' || v === 'true').describe('从目录中撤下'),
  comment: opt(1000).describe('更新原因'),
});

export const triggerBody = z.object({
  kind: z.enum(Object.keys(TRIGGER_KINDS) as [keyof typeof TRIGGER_KINDS]).describe('law：有关法律法规做出修订；duty：行政管理职能发生变化'),
  changedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').describe('发生变化的日期'),
  note: opt(1000), unit: opt(100).describe('部门（管理部门代为记录时）'),
});

export const requestBody = z.object({
  resourceId: id.describe('目录资源编号'),
  purpose: text(2000, '使用用途').describe('使用用途'),
  scene: opt(2000).describe('应用场景'),
});

export const REQUEST_STEPS = ['approve-review', 'reject-review', 'approve', 'refuse', 'negotiate', 'escalate', 'coordinate-grant', 'coordinate-uphold', 'withdraw'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];
export const actionBody = z.object({ reason: opt(2000).describe('理由和依据（不予提供、协调时必填）'), comment: opt(2000).describe('说明') });

export const correctionBody = z.object({ resourceId: id.describe('目录资源编号'), problem: text(2000, '疑义或错误情况').describe('疑义或错误情况') });
export const correctionDoneBody = z.object({ note: opt(2000).describe('更正情况') });

export const requestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional().describe('状态'),
  unit: opt(100).describe('部门（提供或使用）'),
});
export const catalogueQuery = z.object({ unit: opt(100).describe('提供部门'), type: opt(10).describe('共享类型') });
