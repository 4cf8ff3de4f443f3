// Plain formatting helpers shared by the pages (no markup here).
import type { DefaultTerm, IssueSummary } from '../services/library.js';
import type { Validity } from '../../extract/types.js';
import type { ValidityStatus } from '../../extract/validity.js';

/** `2022-08-25` → `2022年8月25日`; `2022-08` → `2022年8月`; anything else as is. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}

/** `2022年第4期（下）（总第N期）`. */
export function issueLabel(i: Pick<IssueSummary, 'year' | 'number' | 'part' | 'serial'>): string {
  const base = `${i.year ?? '—'}年第${i.number ?? '—'}期`;
  return `${base}${i.part ? `（${i.part}）` : ''}${i.serial ? `（总第${i.serial}期）` : ''}`;
}

/** The period an issue covers, or its publication day. */
export function issuePeriod(i: Pick<IssueSummary, 'periodStart' | 'periodEnd' | 'published'>): string {
  if (i.periodStart || i.periodEnd) return `${cnDate(i.periodStart)} 至 ${cnDate(i.periodEnd)}`;
  if (i.published) return `${cnDate(i.published)}出版`;
  return '—';
}

export const ROLE_LABEL: Record<string, string> = { lead: '牵头', responsible: '负责', cooperating: '配合', inherited: '统一列明' };

export const UNIT_KIND_LABEL: Record<string, string> = {
  county: '县人民政府', 'county-department': '县直部门', town: '乡（镇）', collective: '统称（多个单位）', 'city-branch': '市直派驻机构',
  vertical: '垂直管理单位', bank: '金融机构', company: '企业', judicial: '司法机关', party: '党委部门', 'mass-organization': '群团组织', other: '其他',
};

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}

/** A query string from parameters, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const unitHref = (id: string): string => `/units/${encodeURIComponent(id)}`;

/** Why a document has its status, in a sentence for the reader. */
export function validityReason(v: Validity | null, status: ValidityStatus, repealedBy: string | null = null, term: DefaultTerm | null = null): string {
  // A 规范性文件 without its own term: the measure that sets it, by name.
  const basis = term ? `未规定有效期，依据${term.by.docNumber ?? `《${term.by.title}》`}规范性文件有效期的规定，有效期至${cnDate(term.expires)}` : '';
  switch (status) {
    case '已废止': return repealedBy ? `已被${repealedBy}废止` : '已被文库中的后续文件废止';
    case '已失效': return term && !v?.expires ? `${basis}，已届满` : `有效期至${cnDate(v!.expires!)}，已届满`;
    case '尚未生效': return `自${cnDate(v!.effective!)}起施行`;
    case '未标注': return `有效期${v?.dependsOn?.title ? `与《${v.dependsOn.title}》` : '与其他文件'}相关联，需对照该文件确定`;
    default: {
      if (term && !v?.expires) return basis;
      if (v?.effective || v?.expires) return [v.effective ? `自${cnDate(v.effective)}起施行` : '', v.expires ? `有效期至${cnDate(v.expires)}` : ''].filter(Boolean).join('，');
      return '未规定有效期，未见废止';
    }
  }
}
