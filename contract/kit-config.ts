import { HelpURL } from './help-url.ts';
import { fieldProblems, problemSentence } from './issue-words.ts';
import { LanguageTag, LocalizedText } from './language-tag.ts';
import { MAX_BASE_NAME_LENGTH, MAX_TEXT_LENGTH } from './limits.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import { TimeZone } from './settings.ts';
import * as z from './zod.ts';

/**
 * `startup-help.config.json`: what the service worker and the offline page of one 1C web publication
 * need. Unknown fields are refused so a typo ("statusUrl") is reported instead of silently ignored.
 */
export const SwConfig = z.strictObject({
  /** This base's startup-error address, e.g. `https://status.example.local/startup-error/buh`. */
  statusURL: z.optional(z.url({ protocol: /^https?$/, error: RULE_TEXTS.httpURL.en })),
  /** The name users know the infobase by ("Бухгалтерия"); the page title says "Не удаётся подключиться к …". */
  baseName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_BASE_NAME_LENGTH))),
  /** Whom to call; a plain string or text per language. The status service's help text wins when known. */
  helpText: z.optional(
    z.union([z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)), LocalizedText]),
  ),
  /** The "Нужна помощь" link; only http(s). The status service's help URL wins when known. */
  helpURL: z.optional(HelpURL),
  /**
   * The status service's zone (its settings' `timeZone`, e.g. `Europe/Moscow`): the page shows the
   * deadline in it, labelled, and reads a `displayUntil` written without an offset in it. Without it,
   * the deadline's own offset names the zone, and a time without an offset is read in the browser's.
   */
  timeZone: z.optional(TimeZone),
  /** Used when none of the browser's languages is one of ru, en, lv. */
  defaultLanguage: z._default(LanguageTag, 'ru'),
  /** A navigation that has not answered within this many seconds gets the offline page. */
  networkTimeoutSeconds: z._default(z.number().check(z.positive(), z.lte(300)), 10),
  /** HTTP statuses of a navigation that count as "the server is down" (e.g. 502 from a proxy). */
  fallbackStatuses: z._default(
    z.array(
      z
        .int()
        .check(
          z.gte(400, { error: RULE_TEXTS.httpErrorStatus.en }),
          z.lte(599, { error: RULE_TEXTS.httpErrorStatus.en }),
        ),
    ),
    [502, 503, 504],
  ),
  /** Automatic retries start after this many seconds and double up to `retryMaxSeconds`. */
  retryInitialSeconds: z._default(z.number().check(z.positive(), z.lte(3600)), 10),
  retryMaxSeconds: z._default(z.number().check(z.positive(), z.lte(3600)), 60),
  /** While the server is up, the last known status is refreshed this often. */
  statusRefreshSeconds: z._default(z.number().check(z.gte(1), z.lte(86_400)), 300),
});
export type SwConfig = z.infer<typeof SwConfig>;
export type SwConfigInput = z.input<typeof SwConfig>;

/** Validates a config and says what is wrong where, so a bad file never reaches users' browsers. */
export function parseSwConfig(
  input: unknown,
  source: string,
): { ok: true; config: SwConfig } | { ok: false; error: string } {
  const result = SwConfig.safeParse(input, { reportInput: true });
  if (result.success) {
    if (result.data.retryMaxSeconds < result.data.retryInitialSeconds) {
      return {
        ok: false,
        error: `${source}: retryMaxSeconds (${result.data.retryMaxSeconds}) must not be less than retryInitialSeconds (${result.data.retryInitialSeconds})`,
      };
    }
    return { ok: true, config: result.data };
  }
  const lines = fieldProblems(result.error.issues, 'en', '(top level)').map(
    (problem) => `  ${problemSentence(problem)}`,
  );
  return {
    ok: false,
    error: `${source} is not a valid startup-help config:\n${lines.join('\n')}\nFix the field(s) above; the fields are described in docs/web-client.md, section "Build: one kit per publication".`,
  };
}
