// What the documents decide, as data. Field names are part of the public
// `gongbao parse` JSON; add fields freely, never rename.
import type { LineRange } from '../parse/types.js';
import type { Subject } from './subject.js';
import type { TermPolicy } from './term-policy.js';

export type DeadlineKind = 'absolute' | 'relative' | 'recurring' | 'ongoing' | 'unresolved';

export interface Deadline {
  kind: DeadlineKind;
  /** The phrase as printed (normalized text), e.g. `2022年年底前`. */
  text: string;
  /** ISO date the deadline falls on (absolute, or relative resolved against the anchor). */
  date: string | null;
  /** For ranges such as `11月中旬`: the first day of the window. */
  start?: string | null;
  /** Relative deadlines: amount and unit, counted from `from`. */
  relative?: { amount: number; unit: 'day' | 'workday' | 'week' | 'month' | 'year' | 'hour'; from: string } | null;
  /** Recurring deadlines as an RFC 5545 RRULE, e.g. `FREQ=MONTHLY;BYMONTHDAY=18`. */
  rrule?: string | null;
  /** `before-signing`: an absolute date earlier than the signing date, kept as printed for review. */
  flag?: 'before-signing';
  lines: LineRange;
}

export interface UnitRef {
  /** Canonical unit id from the registry (stable slug), or null for an unknown unit. */
  id: string | null;
  /** Canonical name, or the printed name when unknown. */
  name: string;
  /** The name as printed. */
  printed: string;
  /** The printed name looks like a misprint of `name` (listed for review). */
  misprint?: true;
}

export interface Responsibility {
  /** The task text: the item or paragraph the clause closes, joined across page and column breaks. */
  task: string;
  /** A short task name: the item's heading or its first clause, whole words, at most 40 characters. */
  title: string | null;
  outlineId: string | null;
  leadUnits: UnitRef[];
  responsibleUnits: UnitRef[];
  cooperatingUnits: UnitRef[];
  deadline: Deadline | null;
  /** The clause as printed, e.g. `（牵头单位：县乡村振兴局；参与单位：县民政局）`. */
  clause: string;
  /** Units inherited from a `…以下不再列出` rule. */
  inherited?: UnitRef[];
  /** Where the clause is printed. */
  lines: LineRange;
  /** From the line where the task starts (its item marker or heading) to the clause. */
  taskLines: LineRange;
}

export interface Citation {
  docNumber?: string;
  title?: string;
  /** Orders cited by number: `国务院令第116号`. */
  order?: string;
  /** `docNumber` (by 文号), `title` (by 《title》), `order` (国务院令第N号), `self` (《规划》 pointing back). */
  kind: 'docNumber' | 'title' | 'order' | 'self';
  /** Index of the cited document in the same issue, when resolved. */
  resolved?: { docNumber: string | null; title: string } | null;
  lines: LineRange;
}

export interface Repeal {
  docNumber: string | null;
  title: string | null;
  text: string;
  lines: LineRange;
}

export interface Validity {
  /** Effective date (ISO), when stated (`自印发之日起施行` resolves to the document date). */
  effective: string | null;
  /** Expiry date (ISO) implied by a period (`有效期3年`), or null. */
  expires: string | null;
  /** `有效期3年` → { amount: 3, unit: 'year' }. */
  period: { amount: number; unit: 'year' | 'month' | 'day' } | null;
  trial: boolean;
  repeals: Repeal[];
  /** Validity tied to another document (`有效期与省《办法》同步`): unresolved, flagged. */
  dependsOn: { text: string; title: string | null } | null;
  /** The sentences the facts came from. */
  text: string | null;
  lines: LineRange | null;
  /** Present (true) for a 规范性文件 by the rule of term-policy.ts: a measure's default term can apply to it. */
  normative?: true;
  /** Present in a measure that sets the default term of 规范性文件 (term-policy.ts). */
  policy?: TermPolicy;
}

export interface GroupMember {
  role: string;
  person: string | null;
  position: string | null;
  lines: LineRange;
}

export interface Group {
  name: string;
  kind: '领导小组' | '指挥部' | '工作专班' | '委员会' | '其他';
  officeAt: string | null;
  members: GroupMember[];
  lines: LineRange;
}

export interface Amount {
  value: number;
  unit: '元' | '万元' | '亿元';
  /** Value in 元. */
  yuan: number;
  text: string;
  context: string;
  lines: LineRange;
}

export interface Contact {
  kind: 'phone' | 'hotline' | 'email';
  value: string;
  context: string;
  lines: LineRange;
}

export interface Extracted {
  responsibilities: Responsibility[];
  deadlines: Deadline[];
  validity: Validity;
  citations: Citation[];
  groups: Group[];
  amounts: Amount[];
  contacts: Contact[];
  /** 主题分类 by the rules of data/subjects.json, with the reason (subject.ts); null when no rule applies. */
  subject?: Subject | null;
  /** A saved web page's metadata table about this document, as the page states it (page-meta.ts). */
  pageMeta?: Record<string, string>;
  /** From a PDF: the pages the document runs over, and the page numbers printed on them (source-pages.ts). */
  pdfPages?: { from: number; to: number; printedFrom: number | null; printedTo: number | null };
}
