// The sign-in page of the 督办 system.
import type { FC } from 'hono/jsx';
import { SvPage } from './frame.js';

export const LoginPage: FC<{ formToken: string; next: string; username?: string; error?: string | null }> = (p) => (
  <SvPage title="登录" session={null} crumbs={[{ label: '登录' }]} flash={p.error ? { kind: 'error', text: p.error } : null}>
    <div class="sv-login">
      <section class="panel sv-login-box" aria-labelledby="login-h">
        <h1 id="login-h" class="panel-title">督办系统登录</h1>
        <form method="post" action="/supervise/login" class="sv-form">
          <input type="hidden" name="_login" value={p.formToken} />
          <input type="hidden" name="next" value={p.next} />
          <div class="field">
            <label for="login-user">用户名</label>
            <input id="login-user" name="username" autocomplete="username" required maxlength={64} value={p.username ?? ''} autofocus />
          </div>
          <div class="field">
            <label for="login-pass">密码</label>
            <input id="login-pass" name="password" type="password" autocomplete="current-password" required maxlength={200} />
          </div>
          <p class="sv-actions"><button type="submit" class="sv-btn">登 录</button></p>
        </form>
      </section>
      <section class="sv-login-help" aria-labelledby="login-help-h">
        <h2 id="login-help-h">使用说明</h2>
        <ul>
          <li>本系统供县政府督查室、县政府领导及各承办单位办理“13710”督办事项使用。</li>
          <li>承办单位收到督办任务后，须在<strong>一个工作日内</strong>反馈安排部署情况，并按时报告落实进展。</li>
          <li>账号由县政府办公室统一开通；忘记密码请联系督查室重置。</li>
          <li>连续输错密码 5 次，账号将在本机锁定 15 分钟。</li>
        </ul>
      </section>
    </div>
  </SvPage>
);
