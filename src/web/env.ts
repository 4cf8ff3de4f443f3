// What every route sees: the application's dependencies and the request's
// day. Its own module, so that route modules do not import the app that
// registers them.
import type { Db } from '../store/db.js';

export interface AppDeps {
  db: Db;
  /** Injectable clock: validity status and feeds use it. */
  now?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
}

export interface Env {
  Variables: { deps: Required<AppDeps>; today: string };
}
