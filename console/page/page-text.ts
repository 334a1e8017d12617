import type { StaticTextKey } from '../texts/console-texts.ts';
import { EN } from '../texts/en.ts';

/** Attributes the program may put a word into, besides the element's text. */
export type TextAttribute = 'aria-label' | 'title' | 'placeholder';

/**
 * Markup for a word of the console: the English word now, and `data-text` (or `data-text-<attr>`)
 * naming it, so the program can put the administrator's language in at start.
 */
export function text(key: StaticTextKey): { 'data-text': StaticTextKey; children: string };
export function text(key: StaticTextKey, attribute: TextAttribute): Record<string, string>;
export function text(key: StaticTextKey, attribute?: TextAttribute) {
  if (attribute) return { [attribute]: EN[key], [`data-text-${attribute}`]: key };
  return { 'data-text': key, children: EN[key] };
}
