// Issuing organs, recognised by shape rather than by a list: a name that
// ends with an organ suffix. The same name alone on a line is a signature
// when a date follows it, and the first line of a title when 关于… follows.

const ORGAN_SUFFIX =
  '(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管理委员会|管委会|领导小组|指挥部|局|委|厅|部|院|署|办|中心|公司|政府|人大常委会|政协|法院|检察院|军区|军分区|警备区)';

/** A line that is only an organ name (2–30 characters), e.g. `五台县人民政府办公室`. */
export const ORGAN_ONLY = new RegExp(`^[\\p{Script=Han}（）()]{1,28}${ORGAN_SUFFIX}$`, 'u');

/** Several organs of a joint document (联合行文), printed with 、 or spaces between them. */
const JOINT_SEPARATOR = /[、\s]+/u;

/** A title that starts with its issuer: `<organ>关于…`. */
const TITLE_ISSUER = new RegExp(`^([\\p{Script=Han}（）()、]{1,40}?${ORGAN_SUFFIX})关于`, 'u');
/** A title without 关于 that still opens with its issuer: `<organ>对…的答复`, `<organ>转发…`. */
const TITLE_ISSUER_LOOSE = new RegExp(`^([\\p{Script=Han}（）()、]{1,40}?${ORGAN_SUFFIX})(?:对|印发|转发|批转)`, 'u');
/** `<organ>转发<organ>`: the first organ transmits, the second wrote what is transmitted. */
const TRANSMITTING_ORGAN = new RegExp(`^(.+?${ORGAN_SUFFIX})(?:转发|批转|印发)(.*)$`, 'u');

/** Words that end a 公文 title (文种). */
export const DOC_TYPE_END =
  /(?:通知|意见|决定|通告|公告|公报|通报|批复|函|答复|报告|命令|令|决议|议案|请示|纪要|办法|规定|细则|条例|方案|规划|计划|要点|预案|机制|制度|清单|名单|标准|目录|指南|规则|章程|措施)(?:[（(][^）)]{1,12}[）)])?$/u;

/** One organ, or several joined by 、 (a joint issuer keeps its 、). */
export function isOrganList(text: string): boolean {
  const parts = text.trim().split(JOINT_SEPARATOR).filter(Boolean);
  return parts.length > 0 && parts.length <= 8 && parts.every((p) => ORGAN_ONLY.test(p));
}

/** Several whole organs (each of four characters or more), not one name printed with a stray space. */
const isJoint = (text: string): boolean => {
  const parts = text.trim().split(JOINT_SEPARATOR).filter(Boolean);
  return parts.length > 1 && isOrganList(text) && parts.every((p) => p.length >= 4);
};

/** A joint issuer printed with spaces (`国务院办公厅　中央军委办公厅`) written as the site writes it. */
export const joinOrgans = (text: string): string =>
  isJoint(text) ? text.trim().split(JOINT_SEPARATOR).filter(Boolean).join('、') : text.replace(/\s+/g, '');

function titleOrgans(title: string): { issuer: string; transmitted: string | null } | null {
  const m = TITLE_ISSUER.exec(title) ?? TITLE_ISSUER_LOOSE.exec(title);
  if (!m) return null;
  const t = TRANSMITTING_ORGAN.exec(m[1]!);
  return t ? { issuer: t[1]!, transmitted: ORGAN_ONLY.test(t[2]!) ? t[2]! : null } : { issuer: m[1]!, transmitted: null };
}

/** The organ that issues a document, read from its title (the transmitting organ of a 转发 notice). */
export const issuerFromTitle = (title: string): string | null => titleOrgans(title)?.issuer ?? null;

/** The organ whose document a 转发/批转 notice transmits, as its title names it. */
export const transmittedOrgan = (title: string): string | null => titleOrgans(title)?.transmitted ?? null;

export const isOrganOnly = (text: string): boolean => text.length <= 60 && (ORGAN_ONLY.test(text.replace(/\s+/g, '')) || isOrganList(text));
