import type { MessageTemplate } from '../../contract/message-template.ts';
import type { Settings } from '../../contract/settings.ts';
import type { AdminApi, ApiAnswer } from './admin-api.ts';

/** What every part of the console shares after sign-in. */
export interface ConsoleContext {
  api: AdminApi;
  templates: readonly MessageTemplate[];
  /** The settings as last loaded (bases for the pickers, zone, default language). */
  settings: Settings;
  /** Called with an answer whose status is 401: the token stopped working. */
  signOut(reason: string): void;
  /** Call the API; a 401 signs out, a network failure becomes status 0 with a message. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; ifMatch?: string | undefined },
  ): Promise<ApiAnswer>;
}

export const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageLabel(tag: string): string {
  let name: string | undefined;
  try {
    name = LANGUAGE_NAMES.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}
