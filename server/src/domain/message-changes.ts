import { wordsLanguage } from '../../../contract/issue-words.ts';
import { isoInZone } from '../../../contract/local-time.ts';
import type { Message, MessageFields, MessagePatch } from '../../../contract/message.ts';
import type { PageLanguage } from '../../../contract/page-languages.ts';
import type { FieldProblem } from '../../../contract/problem.ts';
import type { Settings } from '../../../contract/settings.ts';

export interface ChangeContext {
  now: number;
  /** Token label of the administrator making the change. */
  actor: string;
  settings: Settings;
  /** The language refusals are written in (the caller's); English by default. */
  language?: string | undefined;
}

/** The rules that span fields, in words; times are quoted in the service's zone. */
const TIME_RULES: Record<
  PageLanguage,
  { afterStart: (startsAt: string) => string; inFuture: (now: string) => string }
> = {
  en: {
    afterStart: (startsAt) => `must be after startsAt (${startsAt}); the message would never be shown`,
    inFuture: (now) =>
      `must be in the future (it is now ${now}); to end a message that has started, set displayUntil to now`,
  },
  ru: {
    afterStart: (startsAt) => `должно быть позже startsAt (${startsAt}), иначе сообщение никто не увидит`,
    inFuture: (now) =>
      `должно быть в будущем (сейчас ${now}); чтобы завершить начавшееся сообщение, укажите текущее время`,
  },
  lv: {
    afterStart: (startsAt) => `jābūt vēlāk par startsAt (${startsAt}), citādi ziņojumu neviens neredzēs`,
    inFuture: (now) =>
      `jābūt nākotnē (tagad ir ${now}); lai beigtu jau sākušos ziņojumu, norādiet pašreizējo laiku`,
  },
};

export type ChangeResult = { ok: true; message: Message } | { ok: false; problems: FieldProblem[] };

/** A time as a refusal quotes it: in the service's zone, to the second. */
const quoted = (ms: number, zone: string) => isoInZone(Math.floor(ms / 1000) * 1000, zone);

/**
 * Rules that span fields (the schemas check each field alone): a deadline being set now lies in the
 * future, and the deadline comes after the start — a message that could never be shown is a mistake.
 * One problem per field: a deadline in the past is that, whatever the start.
 */
function checkTimes(message: Message, displayUntilSetNow: boolean, ctx: ChangeContext): FieldProblem[] {
  const { now, settings } = ctx;
  const words = TIME_RULES[wordsLanguage(ctx.language ?? 'en')];
  const startsAt = Date.parse(message.startsAt);
  const displayUntil = Date.parse(message.displayUntil);
  if (displayUntilSetNow && displayUntil <= now) {
    return [{ path: 'displayUntil', message: words.inFuture(quoted(now, settings.timeZone)) }];
  }
  if (displayUntil <= startsAt) {
    return [{ path: 'displayUntil', message: words.afterStart(quoted(startsAt, settings.timeZone)) }];
  }
  return [];
}

/** A new message from validated fields: id, times and authorship filled in. */
export function createMessage(fields: MessageFields, id: string, ctx: ChangeContext): ChangeResult {
  const now = isoInZone(ctx.now, fields.timeZone ?? ctx.settings.timeZone);
  const message: Message = {
    ...fields,
    id,
    startsAt: fields.startsAt ?? now,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor,
    version: 1,
  };
  const problems = checkTimes(message, true, ctx);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, message };
}

/** `current` with `patch` applied (`null` removes an override); the version goes up by one. */
export function patchMessage(current: Message, patch: MessagePatch, ctx: ChangeContext): ChangeResult {
  const next: Message = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof MessagePatch, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  next.updatedAt = isoInZone(ctx.now, next.timeZone ?? ctx.settings.timeZone);
  next.updatedBy = ctx.actor;
  next.version = current.version + 1;
  // A started message may get a deadline of now or earlier: that is "end it now" (the console's
  // button). It may even fall in the very second the message started, so no time rule applies.
  const started = Date.parse(next.startsAt) <= ctx.now;
  const endsNow = patch.displayUntil !== undefined && started && Date.parse(next.displayUntil) <= ctx.now;
  const problems = endsNow ? [] : checkTimes(next, patch.displayUntil !== undefined && !started, ctx);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, message: next };
}
