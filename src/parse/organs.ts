// Issuing organs, recognised by shape rather than by a list: a name that
// ends with an organ suffix. The same name alone on a line is a signature
// when a date follows it, and the first line of a title when 关于… follows.

const ORGAN_SUFFIX =
  '(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管理委员会|管委会|领导小组|指挥部|局|委|厅|部|院|署|办|中心|公司|政府|人大常委会|政协)';

/** A line that is only an organ name (2–30 characters), e.g. `五台县人民政府办公室`. */
export const ORGAN_ONLY = new RegExp(`^[\\p{Script=Han}（）()]{1,28}${ORGAN_SUFFIX}$`, 'u');

/** A title that starts with its issuer: `<organ>关于…`. */
const TITLE_ISSUER = new RegExp(`^([\\p{Script=Han}（）()、]{1,40}?${ORGAN_SUFFIX})关于`, 'u');

/** Words that end a 公文 title (文种). */
export const DOC_TYPE_END =
  /(?:通知|意见|决定|通告|公告|公报|批复|函|报告|命令|令|决议|议案|请示|纪要|办法|规定|细则|条例|方案|规划|计划|要点|预案|机制|制度|清单|名单|标准|目录|指南|规则|章程|措施)(?:[（(][^）)]{1,12}[）)])?$/u;

export function issuerFromTitle(title: string): string | null {
  const m = TITLE_ISSUER.exec(title);
  return m ? m[1]! : null;
}

export const isOrganOnly = (text: string): boolean => text.length <= 40 && ORGAN_ONLY.test(text.replace(/\s+/g, ''));
