// The portal's 政府信息公开 settings (data/site.json): the organ code that
// begins every 索引号. The environment (GONGBAO_ORGAN_CODE) overrides the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

let organCode: string | undefined;

export function siteOrganCode(): string {
  if (organCode === undefined) {
    const file = JSON.parse(readFileSync(join(packageRoot(), 'data', 'site.json'), 'utf8')) as { organCode?: string };
    organCode = (process.env.GONGBAO_ORGAN_CODE ?? file.organCode ?? '000000000').replace(/[^0-9A-Za-z-]/g, '').slice(0, 18) || '000000000';
  }
  return organCode;
}

/** 索引号 in the gov.cn form: organ code / year - serial (the document's stable number in the library, five digits). */
export const indexNumberOf = (year: number | null, id: number): string => `${siteOrganCode()}/${year ?? '0000'}-${String(id).padStart(5, '0')}`;
