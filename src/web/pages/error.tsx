// The error page (404, 400, 500…) in the full layout, with a way on.
import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

const HINT: Record<number, string> = {
  400: '请检查地址栏中的参数是否正确，或返回检索页重新选择筛选条件。',
  404: '请检查网址是否输入正确，或通过检索、历期公报查找所需文件。',
  500: '服务暂时出现问题，请稍后刷新重试。如问题持续存在，请联系公报编辑部。',
};

export const ErrorPage: FC<{ status: number; title: string; message: string }> = ({ status, title, message }) => (
  <Layout title={`${status} ${title}`} nav="none">
    <section class="error-page" aria-labelledby="error-h">
      <p class="error-code" aria-hidden="true">{status}</p>
      <h1 id="error-h" class="page-title">{title}</h1>
      <p class="error-message">{message}</p>
      <p class="muted">{HINT[status] ?? HINT[status >= 500 ? 500 : 400]}</p>
      <form class="hero-search compact" role="search" action="/search" method="get">
        <label for="err-q" class="sr-only">检索公报文件</label>
        <input id="err-q" name="q" type="search" maxlength={200} placeholder="输入标题、发文字号或关键词" />
        <button type="submit">检索</button>
      </form>
      <p class="error-links">
        <a class="button-link" href="/">返回首页</a>
        <a class="button-link secondary" href="/issues">历期公报</a>
        <a class="button-link secondary" href="/search">文件检索</a>
      </p>
    </section>
  </Layout>
);
