// 主题分类 by rules (data/subjects.json). Measured on the gov.cn corpus
// against the site's own 主题分类 (expected.json `subject`): the 大类 must agree
// for at least 80% of the documents. The keyword lists were written with the
// corpus's titles in view, so this figure flatters unseen documents; the
// unit tests below pin each rule on sentences of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignSubject } from '../../src/extract/subject.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';

const CORPUS = join(import.meta.dirname, '../../../shared/corpora/govcn');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { documents: { subject?: string }[] }>;

describe('主题分类 on the gov.cn corpus', () => {
  it('agrees with the site on the 大类 for at least 80% of documents', () => {
    const files = readdirSync(CORPUS).filter((f) => /^govcn-\d+\.txt$/.test(f));
    const agree = files.filter((f) => {
      const d = analyzeIssueBytes(readFileSync(join(CORPUS, f))).documents[0]!;
      return d.subject?.category === expected[f]!.documents[0]!.subject?.split('\\')[0];
    });
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(agree.length / files.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('rules', () => {
  it('files answers to 建议 and 提案 under 其他', () => {
    expect(assignSubject('某某办公厅对某次会议第12号建议的答复', '关于加强教育的建议收悉。')).toMatchObject({ category: '其他' });
  });
  it('files bodies and their members under 国务院组织机构, before any keyword', () => {
    expect(assignSubject('关于调整某某教育委员会组成人员的通知', '教育')).toMatchObject({ category: '国务院组织机构' });
  });
  it('weighs a keyword in the title above the same in the text', () => {
    expect(assignSubject('关于加快发展体育产业的意见', '推动医疗、卫生与体育融合。')).toMatchObject({ category: '卫生、体育', sub: '体育' });
  });
  it('does not read 民政 inside 人民政府, nor 国土 inside 全国土壤', () => {
    expect(assignSubject('某县人民政府关于做好全国土壤普查工作的通知', '')).toBeNull();
  });
  it('keeps its reason', () => {
    expect(assignSubject('关于促进综合保税区发展的意见', '海关监管')?.reason).toMatch(/标题含“保税”/);
  });
});
