// The validity status of a document on a given day (:today), as SQL over
// documents d and validity v. Mirrors validityStatus() in extract/validity.ts.
// A 规范性文件 without a term of its own has the default term a measure sets
// (v.default_expires, store/term-policies.ts).
export type { ValidityStatus } from '../extract/validity.js';

export const STATUS_SQL = `(CASE
  WHEN d.repealed_by IS NOT NULL THEN '已废止'
  WHEN coalesce(v.expires, v.default_expires) < :today THEN '已失效'
  WHEN v.effective IS NOT NULL AND v.effective > :today THEN '尚未生效'
  WHEN v.effective IS NULL AND v.expires IS NULL AND v.depends_json IS NOT NULL THEN '未标注'
  ELSE '现行有效' END)`;

export const STATUSES = ['现行有效', '已失效', '已废止', '尚未生效', '未标注'] as const;
