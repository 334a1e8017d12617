import type { MessageTemplate } from '../../contract/message-template.ts';
import { monitorNameOf } from '../../contract/monitor-author.ts';
import type { PageLanguage } from '../../contract/page-languages.ts';
import type { Settings } from '../../contract/settings.ts';
import type { ConsoleTexts } from '../texts/console-texts.ts';
import type { AdminApi, ApiAnswer } from './admin-api.ts';
import { type TimeDisplay, timeDisplay, type ZoneMode } from './time-display.ts';

/** What every part of the console shares after sign-in. */
export interface ConsoleContext {
  api: AdminApi;
  templates: readonly MessageTemplate[];
  /** The settings as last loaded (bases for the pickers, zone, default language). */
  settings: Settings;
  /** The administrator's language and its words. */
  language: PageLanguage;
  texts: ConsoleTexts;
  /** Whose clock times are shown and entered on. */
  zoneMode: ZoneMode;
  /** Called with an answer whose status is 401: the token stopped working. */
  signOut(reason: string): void;
  /** Call the API; a 401 signs out, a network failure becomes status 0 with a message. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; ifMatch?: string | undefined },
  ): Promise<ApiAnswer>;
}

/** Who made a change, as the console names them: a monitor in words, a person by their label. */
export function actorLabel(ctx: Pick<ConsoleContext, 'texts'>, actor: string): string {
  const monitor = monitorNameOf(actor);
  return monitor === undefined ? actor : ctx.texts.actorMonitor(monitor);
}

/** The browser's zone: the administrator's own clock. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** How times are shown and read right now (zone mode, settings' zone, language). */
export function timesOf(ctx: Pick<ConsoleContext, 'zoneMode' | 'settings' | 'language'>): TimeDisplay {
  return timeDisplay({
    mode: ctx.zoneMode,
    serviceZone: ctx.settings.timeZone,
    browserZone: browserZone(),
    language: ctx.language,
    now: Date.now(),
  });
}

/** A base's name from the settings, or its key; `*` is "all bases". */
export function baseName(ctx: Pick<ConsoleContext, 'settings' | 'texts'>, key: string): string {
  if (key === '*') return ctx.texts.allBases;
  return (Object.hasOwn(ctx.settings.bases, key) ? ctx.settings.bases[key]?.name : undefined) ?? key;
}

/** "Бухгалтерия (buh)": a base as tables show it, by name and key. */
export function baseLabel(ctx: Pick<ConsoleContext, 'settings' | 'texts'>, key: string): string {
  const name = baseName(ctx, key);
  return name === key || key === '*' ? name : `${name} (${key})`;
}
