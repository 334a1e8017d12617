import { formatZonedDateTime, isoInZone } from '../../../contract/local-time.ts';
import type { Message } from '../../../contract/message.ts';
import { timesOf } from '../../../contract/message-times.ts';
import type { Settings } from '../../../contract/settings.ts';
import type { BaseStatus, StatusMessage, StatusResponse } from '../../../contract/status.ts';
import { ALL_BASES, activeMessages, compareByPriority } from './active-message.ts';
import { baseMonitors, type MonitorOverview } from './monitors/monitor-bars.ts';
import { isOccurrence } from './schedules/occurrences.ts';
import { renderMessageText, resolveHelp } from './startup-error-body.ts';

export const UPCOMING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const ALL_BASES_NAME: Record<string, string> = { ru: 'Все базы', en: 'All bases', lv: 'Visas bāzes' };

function allBasesName(language: string): string {
  return ALL_BASES_NAME[language.split('-')[0]?.toLowerCase() ?? ''] ?? ALL_BASES_NAME.en ?? '*';
}

/** One message as the public sees it at `t`: times in the service's zone, labelled. */
function statusMessage(message: Message, settings: Settings, language: string, t: number): StatusMessage {
  const zone = settings.timeZone;
  const { startsAt, displayUntil } = timesOf(message);
  return {
    id: message.id,
    severity: message.severity,
    userMessage: renderMessageText(message, settings, language)?.text ?? '',
    startsAt: isoInZone(startsAt, zone),
    displayUntil: isoInZone(displayUntil, zone),
    startsAtLocal: formatZonedDateTime(startsAt, zone, language, t),
    displayUntilLocal: formatZonedDateTime(displayUntil, zone, language, t),
    ...(isOccurrence(message) && { recurring: true }),
  };
}

/**
 * Base keys in display order: `*`, the configured bases, then bases only current or coming messages
 * mention (a base named by a message that ended long ago is not news).
 */
export function knownBaseKeys(settings: Settings, messages: readonly Message[], t: number): string[] {
  const keys = new Set<string>([ALL_BASES, ...Object.keys(settings.bases)]);
  for (const message of messages) {
    if (timesOf(message).displayUntil > t) for (const key of message.bases) keys.add(key);
  }
  return [...keys];
}

/** Messages per base key: those for all bases under `*`, the rest under each key they name. */
function indexByBase(messages: readonly Message[]): Map<string, Message[]> {
  const index = new Map<string, Message[]>([[ALL_BASES, []]]);
  for (const message of messages) {
    const bases: readonly string[] = message.bases;
    for (const key of bases.includes(ALL_BASES) ? [ALL_BASES] : bases) {
      const list = index.get(key);
      if (list) list.push(message);
      else index.set(key, [message]);
    }
  }
  return index;
}

/** The parts of a status view: the base keys in order, and each base's status on demand. */
export interface StatusPlan {
  head: Omit<StatusResponse, 'bases'>;
  keys: string[];
  base(key: string): BaseStatus;
}

/**
 * How to build `GET /api/status` (per base: what is shown now and what starts within 7 days, and,
 * with `monitors`, the monitors watching it and its availability bars) one base at a time. Each message is rendered once however many bases show it, so 10,000 bases cost
 * 10,000 small lookups, not 10,000 passes over every message.
 */
export function planStatusView(
  settings: Settings,
  messages: readonly Message[],
  t: number,
  language: string,
  monitors?: MonitorOverview,
): StatusPlan {
  const horizon = t + UPCOMING_WINDOW_MS;
  const index = indexByBase(messages);
  const forAll = index.get(ALL_BASES) ?? [];
  const rendered = new Map<string, StatusMessage>();
  const render = (m: Message) => {
    let shown = rendered.get(m.id);
    if (!shown) {
      shown = statusMessage(m, settings, language, t);
      rendered.set(m.id, shown);
    }
    return shown;
  };
  const base = (key: string): BaseStatus => {
    const candidates = key === ALL_BASES ? forAll : [...forAll, ...(index.get(key) ?? [])];
    const active = activeMessages(candidates, key, t);
    const upcoming = candidates
      .filter((m) => timesOf(m).startsAt > t && timesOf(m).startsAt <= horizon)
      .sort((a, b) => timesOf(a).startsAt - timesOf(b).startsAt || compareByPriority(a, b));
    const help = resolveHelp(settings, key, language);
    const configured = Object.hasOwn(settings.bases, key) ? settings.bases[key] : undefined;
    return {
      key,
      name: key === ALL_BASES ? allBasesName(language) : (configured?.name ?? key),
      state: active[0]?.severity ?? 'ok',
      ...(help.helpText && { helpText: help.helpText.text }),
      ...(help.helpURL && { helpURL: help.helpURL }),
      active: active.map(render),
      upcoming: upcoming.map(render),
      ...(monitors && baseMonitors(key, monitors)),
    };
  };
  return {
    head: { generatedAt: isoInZone(t, settings.timeZone), language, timeZone: settings.timeZone },
    keys: knownBaseKeys(settings, messages, t),
    base,
  };
}

/** `GET /api/status` in one go (the console's previews, tests); the service builds it in slices. */
export function buildStatusView(
  settings: Settings,
  messages: readonly Message[],
  t: number,
  language: string,
  monitors?: MonitorOverview,
): StatusResponse {
  const plan = planStatusView(settings, messages, t, language, monitors);
  return { ...plan.head, bases: plan.keys.map(plan.base) };
}
