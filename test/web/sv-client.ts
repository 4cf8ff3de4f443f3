// A signed-in client of the supervision API over app.request (no server).
import { expect } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { createUser } from '../../src/supervise/auth.js';
import { openLibrary } from '../../src/store/library.js';
import type { Db } from '../../src/store/db.js';

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

/** An empty library served with an office account (duchashi) and a unit account (shuili), both signed in. */
export async function libraryWithEditors(): Promise<{ db: Db; app: App; office: Login; unit: Login }> {
  const db = openLibrary(':memory:');
  const app = createApp({ db, now: () => new Date('2026-12-02T10:00:00+08:00'), log: () => {} });
  await createUser(db, { username: 'duchashi', unit: '县政府办公室', role: 'office', password: 'duchashi-password' });
  await createUser(db, { username: 'shuili', unit: '县水利局', role: 'unit', password: 'shuili-password' });
  const { login } = svClient(() => app);
  return { db, app, office: await login('duchashi'), unit: await login('shuili') };
}
