import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

/** An absolute http(s) URL: the "Нужна помощь" link. Other schemes (javascript:, file:) are refused. */
export const HelpURL = z.url({
  protocol: /^https?$/,
  error: RULE_TEXTS.httpURL.en,
});
export type HelpURL = z.infer<typeof HelpURL>;
