// The 抓落实 task model (五政办发〔2022〕8号 §三): statuses, source kinds,
// actors and the transition table. The state machine is a pure function so
// it can be property-tested and replayed from history.

export const STATUSES = ['registered', 'accepted', 'extension_requested', 'completion_requested', 'closed', 'cancelled'] as const;
export type TaskStatus = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<TaskStatus, string> = {
  registered: '已立项（待承办）',
  accepted: '办理中',
  extension_requested: '延期申请中',
  completion_requested: '办结申请中',
  closed: '已办结',
  cancelled: '已撤销',
};

/** The ten kinds of work the implementation plan tracks (§一（二）主要任务 1–10). */
export const SOURCE_KINDS = {
  'central-instruction': '习近平总书记重要讲话重要指示批示精神',
  'major-decision': '党中央、国务院和省市重大决策部署',
  'party-decision': '党代会、全会、常委会决策由县政府承办事项',
  'annual-goal': '经济工作会议、政府工作报告确定的目标任务',
  'government-meeting': '县政府全体会议、常务会议、专题会议和县长办公会议决定事项',
  'special-meeting': '县委、县政府专项会议安排部署的重要事项',
  'special-task': '县委、县政府确定的重要专项工作任务',
  'leader-instruction': '县委、县政府领导批示事项',
  livelihood: '县政府确定的重要民生实事',
  other: '其他重要事项',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

export type Role = 'office' | 'leader' | 'principal' | 'unit';

export interface Actor {
  /** The acting unit (or role name for leaders: 分管领导 / 主要领导). */
  unit: string;
  role: Role;
  user?: string;
  /** A leader's decision the office obtained and recorded: the recording office unit (and user). */
  recordedBy?: string;
}

export type Action =
  | 'register' | 'accept' | 'report' | 'request-extension' | 'approve-extension' | 'reject-extension'
  | 'request-completion' | 'pre-review' | 'approve-completion' | 'reject-completion' | 'cancel' | 'supervise' | 'summon' | 'grade'
  | 'review-extension' | 'edit' | 'recalculate';

export interface TransitionRule {
  from: TaskStatus[];
  to: TaskStatus | 'same';
  /** Who may act: the task's lead unit, the office, or a leader. */
  by: ('lead' | 'office' | 'leader' | 'principal')[];
}

/** Statuses in which a task is still being worked on. */
export const OPEN_STATUSES: TaskStatus[] = ['registered', 'accepted', 'extension_requested', 'completion_requested'];

/**
 * Every action and where it may happen (五政办发〔2022〕8号 §三). The lead unit
 * accepts within a working day, reports, asks for extension or completion.
 * The office (县政府办公室) does the 初审 and 报批: its word on an extension or
 * a completion is a recommendation (`review-extension`, `pre-review`); the
 * decision is the 分管领导's, or the 主要领导's for key tasks (machine.ts).
 * A refused completion goes back to 督办 (accepted, flagged supervised).
 */
export const TRANSITIONS: Record<Exclude<Action, 'register'>, TransitionRule> = {
  accept: { from: ['registered'], to: 'accepted', by: ['lead'] },
  report: { from: ['accepted', 'extension_requested'], to: 'same', by: ['lead'] },
  'request-extension': { from: ['accepted'], to: 'extension_requested', by: ['lead'] },
  'review-extension': { from: ['extension_requested'], to: 'same', by: ['office'] },
  'approve-extension': { from: ['extension_requested'], to: 'accepted', by: ['leader', 'principal'] },
  'reject-extension': { from: ['extension_requested'], to: 'accepted', by: ['leader', 'principal'] },
  'request-completion': { from: ['accepted'], to: 'completion_requested', by: ['lead'] },
  'pre-review': { from: ['completion_requested'], to: 'same', by: ['office'] },
  'approve-completion': { from: ['completion_requested'], to: 'closed', by: ['leader', 'principal'] },
  'reject-completion': { from: ['completion_requested'], to: 'accepted', by: ['leader', 'principal'] },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', by: ['office', 'principal'] },
  supervise: { from: OPEN_STATUSES, to: 'same', by: ['office', 'leader', 'principal'] },
  summon: { from: [...OPEN_STATUSES, 'closed'], to: 'same', by: ['office', 'principal'] },
  grade: { from: [...OPEN_STATUSES, 'closed', 'cancelled'], to: 'same', by: ['leader', 'principal'] },
  edit: { from: OPEN_STATUSES, to: 'same', by: ['office', 'principal'] },
  recalculate: { from: OPEN_STATUSES, to: 'same', by: ['office'] },
};

/** Decisions that belong to a leader: the 分管领导's, or the 主要领导's on key tasks. */
export const LEADER_DECISIONS = new Set<Action>(['approve-extension', 'reject-extension', 'approve-completion', 'reject-completion']);

export const ACTION_LABEL: Record<Action, string> = {
  register: '立项', accept: '承办', report: '反馈', 'request-extension': '申请延期', 'approve-extension': '同意延期',
  'reject-extension': '不同意延期', 'request-completion': '申请办结', 'pre-review': '初审', 'approve-completion': '审定办结',
  'reject-completion': '不予办结（继续督办）', cancel: '撤销', supervise: '督办', summon: '约谈', grade: '评定等次',
  'review-extension': '初审延期申请（报批）', edit: '修改任务', recalculate: '按新日历重算期限',
};

export const GRADES = ['落实好', '落实较好', '基本落实', '落实不力', '落实较差'] as const;
export type Grade = (typeof GRADES)[number];

export interface TaskSource {
  kind: SourceKind;
  docNumber?: string | null;
  documentId?: number | null;
  outlineId?: string | null;
  responsibilityId?: number | null;
}

export interface Task {
  id: number;
  title: string;
  source: TaskSource;
  leadUnit: string;
  assistUnits: string[];
  requirements: string | null;
  completionCriteria: string | null;
  leadLeader: string | null;
  responsibleLeader: string | null;
  /** Key task (重点事项): decisions belong to the 主要领导. */
  major: boolean;
  /** The 主要领导's approval of a key task (8号 三（一）), and who recorded it. */
  majorApproval: { by: string; recordedBy: string | null; at: string } | null;
  status: TaskStatus;
  registeredAt: string;
  acceptDue: string;
  reportDue: string;
  due: string;
  /** The due date before any extension. */
  originalDue: string;
  /** Where the due date came from: given by the office, a clause's own 期限, or the profile's default. */
  dueSource: 'given' | 'clause' | 'default';
  /** False when a deadline was computed on a year whose holiday notice is not loaded (weekends only). */
  calendarConfirmed: boolean;
  /** The office's 初审 of the pending extension or completion request: its recommendation to the leader. */
  recommendation: { on: 'extension' | 'completion'; decision: 'approve' | 'reject'; by: string; at: string; comment: string | null } | null;
  extensionRequestedTo: string | null;
  acceptedAt: string | null;
  lastReportAt: string | null;
  closedAt: string | null;
  preReviewed: boolean;
  supervised: boolean;
  extensions: number;
  grade: Grade | null;
  gradeOverride: { grade: Grade; reason: string; by: string } | null;
  version: number;
}

export interface HistoryEntry {
  seq: number;
  taskId: number;
  action: Action;
  from: TaskStatus | null;
  to: TaskStatus;
  actor: Actor;
  at: string;
  comment: string | null;
  refs: Record<string, unknown>;
}
