// A signed-in client of the supervision API over app.request (no server).
import { expect } from 'vitest';
import type { createApp } from '../../src/web/app.js';

export interface Login { cookie: string; csrf: string }
export const JSON_TYPE = { 'content-type': 'application/json' };
type App = ReturnType<typeof createApp>;

export function svClient(app: () => App) {
  return {
    async login(username: string, password = `${username}-password`): Promise<Login> {
      const res = await app().request('/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username, password }) });
      expect(res.status, username).toBe(200);
      const body = (await res.json()) as { csrfToken: string };
      return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
    },
    get: (who: Login | null, path: string) => app().request(path, { headers: who ? { cookie: who.cookie } : {} }),
    post: (who: Login, path: string, body: unknown = {}, csrf: string | null = who.csrf) =>
      app().request(path, { method: 'POST', headers: { ...JSON_TYPE, cookie: who.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: JSON.stringify(body) }),
  };
}
