import { HonoBase, type HonoOptions } from 'hono/hono-base';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import type { BlankEnv, BlankSchema, Env, Schema } from 'hono/types';

/**
 * hono's `Hono` with its RegExpRouter alone, for every app and sub-app of the service. hono's default
 * puts a TrieRouter behind it (SmartRouter) for the route patterns RegExpRouter cannot take; the
 * service has none, so the TrieRouter was never used, only carried (1 KB of the Worker's gzipped
 * bundle). Should a route ever need it, RegExpRouter refuses that route when it is added
 * (`UnsupportedPathError`): the app does not start and every test says so.
 */
export class Hono<
  E extends Env = BlankEnv,
  S extends Schema = BlankSchema,
  BasePath extends string = '/',
> extends HonoBase<E, S, BasePath> {
  constructor(options: HonoOptions<E> = {}) {
    super(options);
    this.router = options.router ?? new RegExpRouter();
  }
}
