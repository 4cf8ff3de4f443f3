// The share service of a request: one ShareContext per Supervision (so per
// app), and the signed-in user as its actor.
import { actorOf } from '../../supervise/auth.js';
import type { Actor } from '../../supervise/model.js';
import { ShareContext } from '../../share/context.js';
import { requireSession, type SvContext } from '../supervise/context.js';

const contexts = new WeakMap<object, ShareContext>();

/** The share service of this app (one per Supervision), and the signed-in actor. */
export function shareOf(c: SvContext): { ctx: ShareContext; actor: Actor } {
  const sv = c.get('sv');
  let ctx = contexts.get(sv);
  if (!ctx) contexts.set(sv, (ctx = new ShareContext(sv)));
  return { ctx, actor: ctx.sv.canonical(actorOf(requireSession(c).user)) };
}

