/**
 * The one rule for showing a point in time to a person, on every surface (the 1C answer's `{until}`,
 * the offline and proxy pages, the status page and feed, the console): wall-clock time in a named IANA
 * zone, in the reader's language, labelled with the zone — "17:19 МСК", "27 November, 5:19 PM MSK",
 * "17:19 (UTC+3)". Zod-free and Intl-only, so the offline page script, the service worker, the
 * console and the server (Node and Workers) all carry the same code and so print the same words.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are cached: building one costs far more than using it. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat(locale, options);
    } catch {
      found = new Intl.DateTimeFormat('en', options);
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/** Engines differ in the spaces they put around "PM" and in dates; a plain space reads the same. */
const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

interface LanguageStyle {
  readonly timeLocale: string;
  readonly dateLocale: string;
  readonly hour: 'numeric' | '2-digit';
}

/** Our languages' styles: en "5:19 PM" and "27 November"; ru "17:19", "27 ноября"; lv "17:19", "27. novembris". */
function styleOf(language: string): LanguageStyle {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (primary === 'en') return { timeLocale: 'en-US', dateLocale: 'en-GB', hour: 'numeric' };
  if (primary === 'ru' || primary === 'lv')
    return { timeLocale: primary, dateLocale: primary, hour: '2-digit' };
  return { timeLocale: language, dateLocale: language, hour: 'numeric' };
}

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * A zone as Intl sees it: an IANA name as is; a fixed offset (`+03:00`, from a time's own offset) as
 * UTC shifted by it — not every engine takes offsets as zones.
 */
function intlZone(zone: string): { zone: string; shiftMinutes: number } {
  const fixed = FIXED_OFFSET.exec(zone);
  if (!fixed) return { zone, shiftMinutes: 0 };
  const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
  return { zone: 'UTC', shiftMinutes: fixed[1] === '-' ? -minutes : minutes };
}

/** Formats `ms` in `zone` with Intl, fixed offsets included. */
function format(ms: number, zone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const intl = intlZone(zone);
  return formatter(locale, { ...options, timeZone: intl.zone }).format(ms + intl.shiftMinutes * 60_000);
}

function parts(ms: number, zone: string): Record<string, string> {
  const intl = intlZone(zone);
  return Object.fromEntries(
    formatter('en-US', {
      timeZone: intl.zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(ms + intl.shiftMinutes * 60_000)
      .map((part) => [part.type, part.value]),
  );
}

/** The zone's offset from UTC at that instant, in minutes (Moscow: 180). */
export function offsetMinutes(ms: number, zone: string): number {
  const intl = intlZone(zone);
  if (intl.zone !== zone) return intl.shiftMinutes;
  const name = parts(ms, zone).timeZoneName ?? 'GMT';
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function offsetText(minutes: number, separator: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  if (!separator) return `${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
  return `${sign}${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

const isoStrings = new Map<string, string>();

/** ISO-8601 with the zone's offset at that instant: `2026-11-23T14:00:00+03:00` (`.123` if any). */
export function isoInZone(ms: number, zone: string): string {
  // The same instants (a message's start and end) are written again for every base and language.
  const key = `${ms}|${zone}`;
  let iso = isoStrings.get(key);
  if (iso === undefined) {
    iso = formatIsoInZone(ms, zone);
    if (isoStrings.size >= 20_000) isoStrings.clear();
    isoStrings.set(key, iso);
  }
  return iso;
}

function formatIsoInZone(ms: number, zone: string): string {
  const p = parts(ms, zone);
  const millis = ms % 1000 === 0 ? '' : `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
  const offset = offsetText(offsetMinutes(ms, zone), true);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${millis}${offset}`;
}

/** A `datetime-local` value: the wall clock in `zone` to the minute, `2026-11-23T14:00`. */
export function wallClockInZone(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant a wall-clock time names in `zone` (`2026-11-23T14:00` in Europe/Moscow → 11:00 UTC);
 * `undefined` for anything else. In the hour a clock skips or repeats, the offset before it is used.
 */
export function instantFromWallClock(value: string, zone: string): number | undefined {
  const match = WALL_CLOCK.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match.map(Number);
  const local = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s || 0, ms || 0);
  if (Number.isNaN(local)) return undefined;
  const first = local - offsetMinutes(local, zone) * 60_000;
  const second = local - offsetMinutes(first, zone) * 60_000;
  return offsetMinutes(second, zone) === offsetMinutes(first, zone) ? second : first;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO time as an instant. A time with an offset (`…+03:00`, `…Z`) means what it says; one without
 * (hand-written static JSON: `2026-11-23T14:00`) is read as a wall clock in `zone`.
 */
export function parseInstant(iso: string, zone: string): number | undefined {
  const text = iso.trim();
  if (HAS_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return instantFromWallClock(text, zone);
}

/** The fixed zone an ISO time's own offset stands for (`…+03:00` → `+03:00`, `…Z` → `UTC`), if any. */
export function zoneOfOffset(iso: string): string | undefined {
  const match = /(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(iso.trim());
  if (!match) return undefined;
  if (match[1]?.toUpperCase() === 'Z' || (match[3] === '00' && match[4] === '00')) return 'UTC';
  return `${match[2]}${match[3]}:${match[4]}`;
}

function localDate(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

export function isSameLocalDay(a: number, b: number, zone: string): boolean {
  return localDate(a, zone) === localDate(b, zone);
}

/** "17:19" in ru and lv, "5:19 PM" in en: the time only. */
export function formatTime(ms: number, zone: string, language: string): string {
  const style = styleOf(language);
  return plainSpaces(format(ms, zone, style.timeLocale, { hour: style.hour, minute: '2-digit' }));
}

/**
 * "27 ноября, 17:19", "27 November, 5:19 PM", "27. novembris, 17:19"; the year is added when it is not
 * the year of `reference` (default: the same instant, so no year).
 */
export function formatDateTime(ms: number, zone: string, language: string, reference = ms): string {
  const style = styleOf(language);
  const withYear = localDate(ms, zone).slice(0, 4) !== localDate(reference, zone).slice(0, 4);
  const date = format(ms, zone, style.dateLocale, {
    day: 'numeric',
    month: 'long',
    ...(withYear && { year: 'numeric' }),
  });
  return `${plainSpaces(date)}, ${formatTime(ms, zone, language)}`;
}

/** The time alone on `reference`'s local day, the date and time otherwise. */
export function formatNear(ms: number, zone: string, language: string, reference: number): string {
  return isSameLocalDay(ms, reference, zone)
    ? formatTime(ms, zone, language)
    : formatDateTime(ms, zone, language, reference);
}

/** Short names people in our languages know; every other zone is named by its offset. */
const ZONE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'Europe/Moscow': { ru: 'МСК', other: 'MSK' },
  UTC: { other: 'UTC' },
  'Etc/UTC': { other: 'UTC' },
  'Etc/GMT': { other: 'UTC' },
};

/**
 * How a time says its zone: "МСК" (ru) or "MSK" for Moscow, "UTC", else the offset at that instant,
 * "(UTC+3)", "(UTC+5:30)". Names come from this table, not from Intl, so a page in the browser and
 * the server print the same label.
 */
export function zoneLabel(ms: number, zone: string, language: string): string {
  const names = ZONE_NAMES[zone];
  const primary = language.toLowerCase().split('-')[0] ?? '';
  const name = names?.[primary] ?? names?.other;
  if (name) return name;
  const minutes = offsetMinutes(ms, zone);
  return minutes === 0 ? 'UTC' : `(UTC${offsetText(minutes, false)})`;
}

/** A time near `reference`, labelled with its zone: "17:19 МСК", "28 ноября, 09:00 (UTC+5)". */
export function formatZoned(ms: number, zone: string, language: string, reference: number): string {
  return `${formatNear(ms, zone, language, reference)} ${zoneLabel(ms, zone, language)}`;
}

/** A full date and time labelled with its zone: "27 ноября, 17:19 МСК". */
export function formatZonedDateTime(ms: number, zone: string, language: string, reference = ms): string {
  return `${formatDateTime(ms, zone, language, reference)} ${zoneLabel(ms, zone, language)}`;
}

/**
 * `{until}` in a message text: the deadline in the service's zone, labelled, with the date only when
 * the message does not start and end on the same local day. Depends on the data alone, never on
 * "now", so a precomputed answer stays right until the next schedule boundary.
 */
export function formatUntil(startsAt: number, displayUntil: number, zone: string, language: string): string {
  return formatZoned(displayUntil, zone, language, startsAt);
}

/**
 * `{since}` in a message text: the message's start (for a monitor's message, the first failed probe)
 * in the service's zone, labelled, with the date only when it is not on the deadline's local day.
 */
export function formatSince(startsAt: number, displayUntil: number, zone: string, language: string): string {
  return formatZoned(startsAt, zone, language, displayUntil);
}

/**
 * A message text with its times filled in, as every surface shows it (in the service's zone):
 * `{until}` the deadline, `{since}` the start.
 */
export function fillUntil(
  text: string,
  startsAt: number,
  displayUntil: number,
  zone: string,
  language: string,
): string {
  let filled = text;
  if (filled.includes('{until}'))
    filled = filled.replaceAll('{until}', formatUntil(startsAt, displayUntil, zone, language));
  if (filled.includes('{since}'))
    filled = filled.replaceAll('{since}', formatSince(startsAt, displayUntil, zone, language));
  return filled;
}

/** Whether two zones show a different wall clock at that instant (Riga and Moscow in winter do). */
export function zonesDiffer(ms: number, a: string, b: string): boolean {
  return offsetMinutes(ms, a) !== offsetMinutes(ms, b);
}
