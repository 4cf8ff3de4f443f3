// The frame of every 督办 page: the portal's layout (header, main navigation,
// footer) with the system's own bar (name, the signed-in user, 退出) and
// its function tabs, which depend on the user's role.
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { Layout, type Crumb } from '../../pages/layout.js';
import { ROLE_NAME, type Session } from '../../../supervise/auth.js';
import type { Role } from '../../../supervise/model.js';

export type SubNavKey = 'board' | 'inbox' | 'new' | 'propose' | 'upload' | 'evaluation' | 'dashboard' | 'share' | 'none';

const STAFF: Role[] = ['office', 'leader', 'principal'];
const SUBNAV: { key: SubNavKey; href: string; label: string; roles: Role[] }[] = [
  { key: 'board', href: '/supervise', label: '任务总览', roles: STAFF },
  { key: 'inbox', href: '/supervise/inbox', label: '本单位待办', roles: ['unit'] },
  { key: 'new', href: '/supervise/tasks/new', label: '立项', roles: STAFF },
  { key: 'propose', href: '/supervise/propose', label: '文件分解立项', roles: ['office'] },
  { key: 'upload', href: '/supervise/upload', label: '载入公报', roles: ['office'] },
  { key: 'evaluation', href: '/supervise/evaluation', label: '考核评价', roles: STAFF },
  { key: 'dashboard', href: '/supervise/dashboard', label: '数据看板', roles: STAFF },
  { key: 'share', href: '/supervise/share', label: '数据共享', roles: [...STAFF, 'unit'] },
];

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface SvPageProps {
  title: string;
  session: Session | null;
  active?: SubNavKey;
  crumbs?: Crumb[];
  scripts?: string[];
  flash?: Flash | null | undefined;
}

export const CsrfField: FC<{ session: Session }> = ({ session }) => <input type="hidden" name="_csrf" value={session.csrf} />;

export const FlashNote: FC<{ flash: Flash }> = ({ flash }) => (
  <p class={`sv-flash sv-flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>{flash.text}</p>
);

export const SvPage: FC<PropsWithChildren<SvPageProps>> = (p) => (
  <Layout title={`${p.title} - 督办系统`} nav="supervise" crumbs={[{ label: '督办系统', href: '/supervise' }, ...(p.crumbs ?? [{ label: p.title }])]} {...(p.scripts ? { scripts: p.scripts } : {})}>
    <link rel="stylesheet" href="/assets/supervise.css" />
    <div class="sv-head">
      <p class="sv-head-title"><span class="sv-mark">13710</span>抓落实督办系统</p>
      {p.session ? (
        <form class="sv-user" method="post" action="/supervise/logout">
          <span class="sv-user-name">
            <strong>{p.session.user.unit}</strong>
            <span>{p.session.user.displayName ?? p.session.user.username}（{ROLE_NAME[p.session.user.role]}）</span>
          </span>
          <CsrfField session={p.session} />
          <button type="submit" class="sv-btn sv-btn-quiet">退出登录</button>
        </form>
      ) : null}
    </div>
    {p.session ? (
      <nav class="sv-nav" aria-label="督办功能">
        <ul>
          {SUBNAV.filter((n) => n.roles.includes(p.session!.user.role)).map((n) => (
            <li><a href={n.href} aria-current={p.active === n.key ? 'page' : undefined}>{n.label}</a></li>
          ))}
        </ul>
      </nav>
    ) : null}
    {p.flash ? <FlashNote flash={p.flash} /> : null}
    {p.children as Child}
  </Layout>
);
