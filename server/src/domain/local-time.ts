/**
 * Wall-clock renderings of instants in an IANA zone, via Intl only (works on Node and Workers).
 * Formatters are cached: building one costs far more than using it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

function localDate(ms: number, timeZone: string): string {
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export function isSameLocalDay(a: number, b: number, timeZone: string): boolean {
  return localDate(a, timeZone) === localDate(b, timeZone);
}

/** "14:00" in ru/lv, "2:00 PM" in en: the time only. */
export function formatLocalTime(ms: number, timeZone: string, language: string): string {
  return formatter(language, { timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** "23 ноября, 14:00" / "November 23, 2:00 PM": day, month and time. */
export function formatLocalDateTime(ms: number, timeZone: string, language: string): string {
  return formatter(language, {
    timeZone,
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/**
 * `{until}` in a message text: the deadline's local time, with the date only when the message does
 * not start and end on the same local day. Depends on the data alone, never on "now", so a
 * precomputed body stays correct until the next schedule boundary.
 */
export function formatUntil(
  startsAt: number,
  displayUntil: number,
  timeZone: string,
  language: string,
): string {
  return isSameLocalDay(startsAt, displayUntil, timeZone)
    ? formatLocalTime(displayUntil, timeZone, language)
    : formatLocalDateTime(displayUntil, timeZone, language);
}

/**
 * `{since}` in a message text: the message's start (for a monitor's message, the first failed probe),
 * with the date only when the message does not start and end on the same local day.
 */
export function formatSince(
  startsAt: number,
  displayUntil: number,
  timeZone: string,
  language: string,
): string {
  return isSameLocalDay(startsAt, displayUntil, timeZone)
    ? formatLocalTime(startsAt, timeZone, language)
    : formatLocalDateTime(startsAt, timeZone, language);
}

/** ISO-8601 with the zone's offset at that instant: `2026-11-23T14:00:00+03:00` (`.123` if any). */
export function isoInZone(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  // Milliseconds only when there are any: creation times must order messages made in one second.
  const millis = ms % 1000 === 0 ? '' : `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${millis}${offset}`;
}
