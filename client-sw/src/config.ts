import { z } from 'zod';
import { HelpURL } from '../../server/src/contract/help-url.ts';
import { LanguageTag, LocalizedText, MAX_TEXT_LENGTH } from '../../server/src/contract/language-tag.ts';

/**
 * `startup-help.config.json`: what the service worker and the offline page of one 1C web publication
 * need. Unknown fields are refused so a typo ("statusUrl") is reported instead of silently ignored.
 */
export const SwConfig = z.strictObject({
  /** This base's startup-error address, e.g. `https://status.example.local/startup-error/buh`. */
  statusURL: z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' }).optional(),
  /** The name users know the infobase by ("Бухгалтерия"); the page title says "Не удаётся подключиться к …". */
  baseName: z.string().trim().min(1).max(200).optional(),
  /** Whom to call; a plain string or text per language. The status service's help text wins when known. */
  helpText: z.union([z.string().trim().min(1).max(MAX_TEXT_LENGTH), LocalizedText]).optional(),
  /** The "Нужна помощь" link; only http(s). The status service's help URL wins when known. */
  helpURL: HelpURL.optional(),
  /** Used when none of the browser's languages is one of ru, en, lv. */
  defaultLanguage: LanguageTag.default('ru'),
  /** A navigation that has not answered within this many seconds gets the offline page. */
  networkTimeoutSeconds: z.number().positive().max(300).default(10),
  /** HTTP statuses of a navigation that count as "the server is down" (e.g. 502 from a proxy). */
  fallbackStatuses: z
    .array(z.int().min(400, { error: 'must be an HTTP error status (400–599)' }).max(599))
    .default([502, 503, 504]),
  /** Automatic retries start after this many seconds and double up to `retryMaxSeconds`. */
  retryInitialSeconds: z.number().positive().max(3600).default(10),
  retryMaxSeconds: z.number().positive().max(3600).default(60),
  /** While the server is up, the last known status is refreshed this often. */
  statusRefreshSeconds: z.number().min(1).max(86_400).default(300),
});
export type SwConfig = z.infer<typeof SwConfig>;
export type SwConfigInput = z.input<typeof SwConfig>;

export const CONFIG_FILE_NAME = 'startup-help.config.json';

/** Validates a config and says what is wrong where, so a bad file never reaches users' browsers. */
export function parseSwConfig(
  input: unknown,
  source: string,
): { ok: true; config: SwConfig } | { ok: false; error: string } {
  const result = SwConfig.safeParse(input);
  if (result.success) {
    if (result.data.retryMaxSeconds < result.data.retryInitialSeconds) {
      return {
        ok: false,
        error: `${source}: retryMaxSeconds (${result.data.retryMaxSeconds}) must not be less than retryInitialSeconds (${result.data.retryInitialSeconds})`,
      };
    }
    return { ok: true, config: result.data };
  }
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `  ${where}: ${issue.message}`;
  });
  return {
    ok: false,
    error: `${source} is not a valid startup-help config:\n${lines.join('\n')}\nFix the field(s) above; the fields are described in README.md, section "Web client: the offline page".`,
  };
}
