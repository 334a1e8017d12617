import * as z from './zod.ts';

/** The shape of a base key, also tested directly on the hot path where no schema is parsed. */
export const BASE_KEY_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The short key naming an infobase in service addresses: `/startup-error/<baseKey>`. */
export const BaseKey = z.string().check(
  z.regex(BASE_KEY_SHAPE, {
    error:
      'must be 1–64 Latin letters, digits, "_", "-" or "." and start with a letter or digit (e.g. "buh")',
  }),
  z.refine((key) => !key.toLowerCase().endsWith('.json'), { error: 'must not end with ".json"' }),
);
export type BaseKey = z.infer<typeof BaseKey>;
