// A library for the web tests: the four bundled sample issues plus one small
// synthetic later issue whose document cites a sample document
// (五政办发〔2021〕60号, the 2021 河湖长制 work plan) and assigns a task to a
// unit, so "cites / cited by" links between held documents can be followed.
import { join } from 'node:path';
import { openLibrary } from '../../src/store/library.js';
import { loadSamples } from '../store/samples.js';
import { ingestBytes } from '../../src/store/ingest.js';
import type { Db } from '../../src/store/db.js';

export const samplesDir = join(import.meta.dirname, '../../data/samples');

export const CITING_TITLE = '五台县人民政府办公室关于开展河湖长制工作要点落实情况督查的通知';
export const CITING_NUMBER = '五政办发〔2024〕3号';
export const CITED_NUMBER = '五政办发〔2021〕60号';

const LATER_ISSUE = [
  '五台县人民政府公报', '2024年第1期', '目 录', '【县政府办文件】',
  `1、${CITING_TITLE} ${CITING_NUMBER}(1)`,
  '五台县人民政府办公室', '关于开展河湖长制工作要点落实情况督查的通知', CITING_NUMBER, '各乡（镇）人民政府，县直各有关单位：',
  `为推动《2021年五台县河湖长制工作要点》（${CITED_NUMBER}）落到实处，县人民政府决定开展河湖长制工作要点落实情况督查。现将有关事项通知如下：`,
  '一、全面排查河湖“四乱”问题',
  '各乡（镇）要对辖区内河湖“四乱”问题开展拉网式排查，建立问题清单，2024年3月底前完成整改。（责任单位：县水利局）',
  '二、按时报送督查情况',
  '各单位要于每月5日前报送督查工作进展情况。（牵头单位：县河长办；配合单位：县自然资源局）',
  '五台县人民政府办公室', '2024年1月10日',
].join('\n\n');

/** An in-memory library with the samples and the synthetic citing issue. */
export function openTestLibrary(): Db {
  const db = openLibrary(':memory:');
  loadSamples(db);
  ingestBytes(db, Buffer.from(LATER_ISSUE), 'test-2024-no1.txt');
  return db;
}

export function documentId(db: Db, docNumber: string): number {
  const row = db.prepare('SELECT id FROM documents WHERE doc_number = ? AND is_current = 1').get(docNumber) as { id: number } | undefined;
  if (!row) throw new Error(`no document ${docNumber}`);
  return row.id;
}
