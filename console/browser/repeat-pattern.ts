import { formatTime, zoneLabel } from '../../contract/local-time.ts';
import type { ConsoleTexts } from '../texts/console-texts.ts';

/**
 * How a recurring window repeats, as the form offers it: every day or every week at a time of day,
 * or any other cron pattern as written. The service reads the cron (croner); the console only
 * writes the two common shapes and recognises them again.
 */
export type Repeat =
  | { readonly kind: 'daily'; readonly time: string }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly time: string }
  | { readonly kind: 'cron'; readonly cron: string };

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;
const WEEKLY = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

const two = (n: number) => String(n).padStart(2, '0');

function timeOf(minute: string | undefined, hour: string | undefined): string | undefined {
  const [m, h] = [Number(minute), Number(hour)];
  return m <= 59 && h <= 23 ? `${two(h)}:${two(m)}` : undefined;
}

/** "0 1 * * *" → every day at 01:00; "0 22 * * 0" → Sundays at 22:00; anything else stays a cron. */
export function repeatOfCron(cron: string): Repeat {
  const flat = cron.trim().replace(/\s+/g, ' ');
  const daily = DAILY.exec(flat);
  const dailyTime = daily && timeOf(daily[1], daily[2]);
  if (dailyTime) return { kind: 'daily', time: dailyTime };
  const weekly = WEEKLY.exec(flat);
  const weeklyTime = weekly && timeOf(weekly[1], weekly[2]);
  if (weekly && weeklyTime) return { kind: 'weekly', weekday: Number(weekly[3]) % 7, time: weeklyTime };
  return { kind: 'cron', cron: flat };
}

/** The cron pattern a repeat stands for; undefined when its time is not a time of day. */
export function cronOfRepeat(repeat: Repeat): string | undefined {
  if (repeat.kind === 'cron') return repeat.cron.trim().replace(/\s+/g, ' ');
  const time = TIME.exec(repeat.time.trim());
  const [hour, minute] = [Number(time?.[1]), Number(time?.[2])];
  if (!time || hour > 23 || minute > 59) return undefined;
  return repeat.kind === 'daily' ? `${minute} ${hour} * * *` : `${minute} ${hour} * * ${repeat.weekday}`;
}

/** "воскресенье", "Sunday", "svētdiena": a cron weekday (0 = Sunday) in `language`. */
export function weekdayName(weekday: number, language: string): string {
  // 4 January 1970 was a Sunday.
  const day = Date.UTC(1970, 0, 4 + (weekday % 7));
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(day);
}

/** A time of day ("01:00") as the console writes times in `language`: "01:00", "1:00 AM". */
function timeOfDay(time: string, language: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return formatTime(Date.UTC(1970, 0, 1, hour ?? 0, minute ?? 0), 'UTC', language);
}

type RepeatTexts = Pick<ConsoleTexts, 'everyDayAt' | 'everyWeekdayAt' | 'cronIn'>;

/** "Every day at 01:00 МСК", "Every Sunday at 10:00 PM (UTC+2)", "Cron “0 3 1 * *” (МСК)". */
export function describeRepeat(
  repeat: Repeat,
  zone: string,
  language: string,
  texts: RepeatTexts,
  now: number,
): string {
  const label = zoneLabel(now, zone, language);
  if (repeat.kind === 'cron') return texts.cronIn(repeat.cron, label.replace(/^\((.*)\)$/, '$1'));
  const time = `${timeOfDay(repeat.time, language)} ${label}`;
  return repeat.kind === 'daily'
    ? texts.everyDayAt(time)
    : texts.everyWeekdayAt(weekdayName(repeat.weekday, language), time);
}
