// The page frame: head, skip link, header band with the gazette name, main
// navigation, breadcrumbs, footer. Every page goes through renderPage(),
// which adds the doctype and returns the HTML string.
import type { Child, FC, PropsWithChildren } from 'hono/jsx';

export type NavKey = 'home' | 'issues' | 'search' | 'units' | 'stats' | 'supervise' | 'none';

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutProps {
  title: string;
  nav?: NavKey;
  crumbs?: Crumb[];
  /** Show the small search box in the header (not on home and search, which have their own). */
  headerSearch?: boolean;
  /** Extra scripts before app.js (e.g. ECharts on the statistics page). */
  scripts?: string[];
  description?: string;
  /** Feeds and exports of what the page lists: `<link rel="alternate">` in the head. */
  alternates?: Alternate[];
}

export interface Alternate {
  href: string;
  type: 'application/atom+xml' | 'text/csv';
  title: string;
}

/** The feed and export links a listing page shows under its heading. */
export const AlternateLinks: FC<{ links: Alternate[] }> = ({ links }) => (
  <p class="alternates">
    {links.map((l) => <a href={l.href} type={l.type}>{l.type === 'text/csv' ? '导出 CSV：' : '订阅（Atom）：'}{l.title}</a>)}
  </p>
);

export const GAZETTE = '五台县人民政府公报';
export const SITE = '公报通';

const NAV: { key: NavKey; href: string; label: string }[] = [
  { key: 'home', href: '/', label: '首页' },
  { key: 'issues', href: '/issues', label: '历期公报' },
  { key: 'search', href: '/search', label: '文件检索' },
  { key: 'units', href: '/units', label: '责任单位' },
  { key: 'stats', href: '/stats', label: '统计分析' },
  { key: 'supervise', href: '/supervise', label: '督办' },
];

/** A stylised gazette mark (decorative). */
const Emblem: FC = () => (
  <svg class="emblem" viewBox="0 0 64 64" width="52" height="52" aria-hidden="true" focusable="false">
    <circle cx="32" cy="32" r="30" class="emblem-ring" />
    <circle cx="32" cy="32" r="24" class="emblem-inner" />
    <path d="M20 22h24v22H20z" class="emblem-book" />
    <path d="M32 22v22M24 28h5M24 33h5M24 38h5M35 28h5M35 33h5M35 38h5" class="emblem-lines" />
    <path d="M32 8l2.4 5 5.4.6-4 3.7 1.1 5.3L32 20l-4.9 2.6 1.1-5.3-4-3.7 5.4-.6z" class="emblem-star" />
  </svg>
);

export const Breadcrumbs: FC<{ crumbs: Crumb[] }> = ({ crumbs }) => (
  <nav class="crumbs" aria-label="当前位置">
    <ol>
      <li><a href="/">首页</a></li>
      {crumbs.map((c, i) => (
        <li aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.href && i < crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : c.label}</li>
      ))}
    </ol>
  </nav>
);

export const Layout: FC<PropsWithChildren<LayoutProps>> = (p) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${p.title} - ${GAZETTE} · ${SITE}`}</title>
      <meta name="description" content={p.description ?? `${GAZETTE}数字化文库：历期公报、规范性文件、任务分工与有效性查询。`} />
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/assets/app.css" />
      <link rel="stylesheet" href="/assets/pages.css" />
      {(p.alternates ?? []).map((a) => <link rel="alternate" type={a.type} href={a.href} title={a.title} />)}
      {(p.scripts ?? []).map((s) => <script src={s} defer></script>)}
      <script src="/assets/app.js" defer></script>
    </head>
    <body>
      <a class="skip-link" href="#main">跳到主要内容</a>
      <header class="site-header">
        <div class="topbar">
          <div class="wrap">
            <span>五台县人民政府 · 政府信息公开</span>
            <span class="topbar-right">主办：五台县人民政府办公室</span>
          </div>
        </div>
        <div class="masthead">
          <div class="wrap masthead-inner">
            <a class="brand" href="/">
              <Emblem />
              <span class="brand-text">
                <span class="brand-name">{GAZETTE}</span>
                <span class="brand-sub">WUTAIXIAN RENMIN ZHENGFU GONGBAO · {SITE}</span>
              </span>
            </a>
            {p.headerSearch ? (
              <form class="masthead-search" role="search" action="/search" method="get">
                <label class="sr-only" for="site-q">检索公报文件</label>
                <input id="site-q" name="q" type="search" placeholder="标题、发文字号、单位" maxlength={200} />
                <button type="submit">搜索</button>
              </form>
            ) : null}
          </div>
        </div>
        <nav class="mainnav" aria-label="主导航">
          <ul class="wrap">
            {NAV.map((n) => (
              <li><a href={n.href} aria-current={p.nav === n.key ? 'page' : undefined}>{n.label}</a></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="wrap main" tabindex={-1}>
        {p.crumbs?.length ? <Breadcrumbs crumbs={p.crumbs} /> : null}
        {p.children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>主办单位：五台县人民政府办公室　　{GAZETTE}编辑部</p>
          <p>本站为{GAZETTE}数字化文库，文件内容以正式印发的纸质公报为准。</p>
          <p class="footer-links">
            <a href="/issues">历期公报</a><a href="/search">文件检索</a><a href="/units">责任单位</a><a href="/stats">统计分析</a><a href="/api">数据接口</a>
          </p>
        </div>
      </footer>
    </body>
  </html>
);

/** The full HTML document for a page element. */
export function renderPage(node: Child): string {
  const html = String(node);
  return `<!DOCTYPE html>${html}`;
}
