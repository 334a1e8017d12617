import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

/** The shape of a base key, also tested directly on the hot path where no schema is parsed. */
export const BASE_KEY_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The short key naming an infobase in service addresses: `/startup-error/<baseKey>`. */
export const BaseKey = z.string().check(
  z.regex(BASE_KEY_SHAPE, {
    error: RULE_TEXTS.baseKey.en,
  }),
  z.refine((key) => !key.toLowerCase().endsWith('.json'), { error: RULE_TEXTS.baseKeyJson.en }),
);
export type BaseKey = z.infer<typeof BaseKey>;

/**
 * The base key a path names in its first segment, percent-decoded: `/buh/ru_RU/` → `buh` (1C
 * publishes each infobase under its own folder; the startup-error route passes what follows
 * `/startup-error`). `undefined` when there is no segment or it cannot be a key — callers decide what
 * that means (the startup-error route answers for all bases, the proxy shows the defaults).
 */
export function baseKeyFromPath(path: string): string | undefined {
  if (path[0] !== '/') return undefined;
  const end = path.indexOf('/', 1);
  let segment = end === -1 ? path.slice(1) : path.slice(1, end);
  if (segment.includes('%')) {
    try {
      segment = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
  }
  return BASE_KEY_SHAPE.test(segment) && !/\.json$/i.test(segment) ? segment : undefined;
}
