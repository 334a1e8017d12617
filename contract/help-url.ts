import * as z from './zod.ts';

/** An absolute http(s) URL: the "Нужна помощь" link. Other schemes (javascript:, file:) are refused. */
export const HelpURL = z.url({
  protocol: /^https?$/,
  error: 'must be an absolute http:// or https:// URL',
});
export type HelpURL = z.infer<typeof HelpURL>;
