// The 政务数据共享 model (五政办发〔2022〕10号): the catalogue's share types,
// requests and their statuses, corrections, catalogue-update triggers, and
// the profile of limits. docs/DATA-SHARING.md quotes the rule behind each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { GongbaoError } from '../errors.js';

/** 四（二）: three share types; 五（四）4: a resource marked 专用 serves the departments it lists. */
export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type ShareType = (typeof SHARE_TYPES)[number];

export const SHARE_TYPE_LABEL: Record<ShareType, string> = { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' };

/**
 * `无条件`, `无条件共享`, `unconditional` … → the type. `专用` alone is
 * conditional for the departments off its list (our choice: they apply and
 * the provider answers, docs/DATA-SHARING.md), and needs its list.
 */
export function parseShareType(text: string): { type: ShareType; exclusive: boolean } | null {
  const t = text.trim().toLowerCase();
  if (/^(无条件(共享)?|unconditional)$/.test(t)) return { type: 'unconditional', exclusive: false };
  if (/^(有条件(共享)?|conditional)$/.test(t)) return { type: 'conditional', exclusive: false };
  if (/^(不予共享|不共享|none)$/.test(t)) return { type: 'none', exclusive: false };
  if (/^(专用|exclusive)$/.test(t)) return { type: 'conditional', exclusive: true };
  return null;
}

export const SHARE_TYPE_HINT = '共享类型应为 无条件、有条件、不予共享 或 专用';

/** A type as typed, with the departments given for 专用: the type, or a refusal (unknown, or 专用 without its list). */
export function requireShareType(text: string, exclusive: string[] | undefined): ShareType {
  const t = parseShareType(text);
  if (!t) throw new GongbaoError('bad-argument', `${SHARE_TYPE_HINT}：${text.slice(0, 20)}`);
  if (t.exclusive && !exclusive?.length) throw new GongbaoError('bad-argument', '专用资源须列出专用的部门（--exclusive）');
  return t.type;
}

export interface Resource {
  id: number;
  name: string;
  providerUnit: string;
  type: ShareType;
  /** 专用: the departments it serves (they are granted without review); empty when not 专用. */
  exclusiveUnits: string[];
  /** 不予共享: the reason and its basis (required). */
  reason: string | null;
  basis: string | null;
  /** 授权代理方: its decisions on requests count as the provider's (五（四）1). */
  agentUnit: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  withdrawn: boolean;
}

export const REQUEST_STATUSES = ['submitted', 'awaiting_provider', 'granted', 'refused', 'rejected', 'negotiating', 'coordinating', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  submitted: '待符合性审查',
  awaiting_provider: '待提供部门答复',
  granted: '已共享',
  refused: '提供部门不予提供',
  rejected: '未通过符合性审查',
  negotiating: '协商中',
  coordinating: '管理部门协调中',
  withdrawn: '已撤回',
};

export const OPEN_REQUEST: RequestStatus[] = ['submitted', 'awaiting_provider', 'negotiating', 'coordinating'];

export type RequestAction =
  | 'submit' | 'grant-exclusive' | 'approve-review' | 'reject-review' | 'approve' | 'refuse' | 'negotiate' | 'escalate'
  | 'coordinate-grant' | 'coordinate-uphold' | 'withdraw';

export const REQUEST_ACTION_LABEL: Record<RequestAction, string> = {
  submit: '提出申请', 'grant-exclusive': '专用范围内直接共享', 'approve-review': '通过符合性审查', 'reject-review': '未通过符合性审查',
  approve: '同意提供', refuse: '不予提供', negotiate: '申请协商', escalate: '协商未果，提请管理部门协调',
  'coordinate-grant': '协调：提供', 'coordinate-uphold': '协调：维持不予提供', withdraw: '撤回申请',
};

/** Every action the share history records, in words. */
export const SHARE_ACTION_LABEL: Record<string, string> = {
  ...REQUEST_ACTION_LABEL,
  'catalogue-add': '目录登记', 'catalogue-update': '目录更新', 'catalogue-withdraw': '目录撤下', 'catalogue-change': '记录法规修订或职能变化',
  'catalogue-updated': '目录已更新', 'correction-report': '反馈错误', 'correction-done': '校核更正',
};

export interface ShareRequest {
  id: number;
  resourceId: number;
  resourceName: string;
  type: ShareType;
  exclusive: boolean;
  providerUnit: string;
  userUnit: string;
  purpose: string;
  scene: string | null;
  status: RequestStatus;
  submittedAt: string;
  /** 符合性审查 due (2 working days); null for a 专用 user, granted without review. */
  reviewDue: string | null;
  reviewedAt: string | null;
  /** The provider's answer due (5 working days from forwarding), once forwarded. */
  responseDue: string | null;
  respondedAt: string | null;
  /** Who answered for the provider: the provider itself or its 授权代理方. */
  respondedBy: string | null;
  decidedAt: string | null;
  /** The latest refusal's reason (a provider's refusal must give one). */
  reason: string | null;
  reviewLate: boolean;
  responseLate: boolean;
  calendarConfirmed: boolean;
  version: number;
}

export const CORRECTION_STATUSES = ['reported', 'corrected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export interface Correction {
  id: number;
  resourceId: number;
  resourceName: string;
  providerUnit: string;
  userUnit: string;
  problem: string;
  status: CorrectionStatus;
  receivedAt: string;
  due: string;
  correctedAt: string | null;
  note: string | null;
  late: boolean;
  calendarConfirmed: boolean;
  version: number;
}

/** 三（二）: a change in law or in a department's duties starts a 15-working-day catalogue update. */
export const TRIGGER_KINDS = { law: '有关法律法规做出修订', duty: '行政管理职能发生变化' } as const;
export type TriggerKind = keyof typeof TRIGGER_KINDS;

export interface CatalogueTrigger {
  id: number;
  unit: string;
  kind: TriggerKind;
  note: string | null;
  /** The day the law changed or the duties changed. */
  changedOn: string;
  due: string;
  recordedAt: string;
  /** The catalogue change that answered it (any add or update by the unit after it was recorded). */
  updatedAt: string | null;
  late: boolean;
  calendarConfirmed: boolean;
}

export interface SharingProfile {
  name: string;
  managerUnits: string[];
  reviewWithinWorkdays: number;
  responseWithinWorkdays: number;
  correctionWithinWorkdays: number;
  catalogueUpdateWithinWorkdays: number;
  remindWorkdaysBefore: number;
  reportAfterLateItems: number;
  sources: Record<string, string>;
}

export function loadSharingProfile(path = join(packageRoot(), 'data', 'sharing-profile.json')): SharingProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as SharingProfile;
}
