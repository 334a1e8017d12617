import { en } from 'zod/locales';
import { config, type core, type output, ZodMiniCatch } from 'zod/mini';

/*
 * zod/mini, with zod's English messages. Import it as `import * as z from '…/contract/zod.ts'`: a
 * namespace import lets esbuild keep only what is used, while zod/mini's own `{ z }` object drags in
 * every schema and every locale (~85 KB gzipped, more than classic with the locales stripped).
 * zod/mini sets no message texts ("Invalid input" for everything), yet field problems, the client-sw
 * config check and `v8i edit` plans quote zod's own words for checks that carry no message of ours
 * ("Too big: expected string to have <=200 characters"); every schema comes from here, so the
 * texts are set wherever a schema is used.
 */
config(en());

export * from 'zod/mini';

/**
 * zod/mini's `catch` with a fixed fallback, as zod builds it. zod's own function reaches its helper
 * through the `core.util` namespace object, which keeps every function of zod's util module in a
 * bundle (2.3 KB of the Worker's gzipped size); this one needs none of them.
 */
function catchWith<T extends core.$ZodType>(innerType: T, fallback: output<T>): ZodMiniCatch<T> {
  return new ZodMiniCatch({ type: 'catch', innerType, catchValue: () => fallback }) as ZodMiniCatch<T>;
}

export { catchWith as catch };
