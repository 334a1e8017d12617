import { pickText } from '../../../contract/language-match.ts';
import { fillUntil, isoInZone } from '../../../contract/local-time.ts';
import type { Message } from '../../../contract/message.ts';
import { timesOf } from '../../../contract/message-times.ts';
import type { Settings } from '../../../contract/settings.ts';
import type { StartupErrorResponse } from '../../../contract/startup-error-response.ts';

/**
 * A message text for `language` with `{until}` replaced by the deadline in the service's zone,
 * labelled ("17:19 МСК"). Users see every time in that one zone, whatever zone the message was
 * entered in, so `{until}`, `displayUntil` and the pages' own deadline lines agree.
 */
export function renderMessageText(
  message: Message,
  settings: Settings,
  language: string,
): { text: string; language: string } | undefined {
  const picked = pickText(message.text, language, settings.defaultLanguage);
  if (!picked) return undefined;
  const { startsAt, displayUntil } = timesOf(message);
  const text = fillUntil(picked.text, startsAt, displayUntil, settings.timeZone, picked.language);
  return { text, language: picked.language };
}

/** Help text and URL for a base: message override → base settings → default settings. */
export function resolveHelp(
  settings: Settings,
  baseKey: string,
  language: string,
  message?: Pick<Message, 'helpText' | 'helpURL'>,
): { helpText?: { text: string; language: string }; helpURL?: string } {
  const base = Object.hasOwn(settings.bases, baseKey) ? settings.bases[baseKey] : undefined;
  const helpText =
    pickText(message?.helpText, language, settings.defaultLanguage) ??
    pickText(base?.helpText, language, settings.defaultLanguage) ??
    pickText(settings.helpText, language, settings.defaultLanguage);
  const helpURL = message?.helpURL ?? base?.helpURL ?? settings.helpURL;
  return { ...(helpText && { helpText }), ...(helpURL && { helpURL }) };
}

export interface StartupErrorAnswer {
  body: StartupErrorResponse;
  /** The language the answer is actually written in (for `Content-Language`). */
  language: string;
}

/**
 * What a 1C client gets for `baseKey` in `language` while `message` (the winner, if any) is active.
 * Fields without a value are left out; `{}` is a valid answer.
 */
export function buildStartupErrorResponse(
  settings: Settings,
  baseKey: string,
  language: string,
  message: Message | undefined,
): StartupErrorAnswer {
  const body: StartupErrorResponse = {};
  const text = message && renderMessageText(message, settings, language);
  if (message && text) {
    body.userMessage = text.text;
    body.displayUntil = isoInZone(timesOf(message).displayUntil, settings.timeZone);
  }
  const help = resolveHelp(settings, baseKey, language, message);
  if (help.helpText) body.helpText = help.helpText.text;
  if (help.helpURL) body.helpURL = help.helpURL;
  return { body, language: text?.language ?? help.helpText?.language ?? language };
}
