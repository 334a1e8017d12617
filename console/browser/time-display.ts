import {
  formatDateTime,
  formatNear,
  formatZonedDateTime,
  instantFromWallClock,
  isoInZone,
  wallClockInZone,
  zoneLabel,
} from '../../contract/local-time.ts';

/** Which clock the console shows and takes times on: the users' (the service's zone) or the administrator's. */
export type ZoneMode = 'users' | 'mine';

/** How the console shows and reads times: one zone, labelled, in the console's language. */
export interface TimeDisplay {
  readonly zone: string;
  /** "27 ноября, 17:19 МСК": every time in a list, a log or a notice. */
  at(iso: string): string;
  /** "27 ноября, 14:49 – 16:19 МСК": a message's window. */
  range(from: string, until: string): string;
  /** "Europe/Moscow (МСК)": a zone as the notes name it. */
  zoneName(zone?: string): string;
  /** A `datetime-local` value on this clock. */
  toInput(iso: string): string;
  /** A `datetime-local` value on this clock as ISO with the offset; undefined when it is not a time. */
  fromInput(value: string): string | undefined;
}

export interface TimeDisplayInput {
  readonly mode: ZoneMode;
  /** The settings' zone: what users see. */
  readonly serviceZone: string;
  /** The browser's zone: the administrator's clock. */
  readonly browserZone: string;
  readonly language: string;
  /** Now, for leaving out this year. */
  readonly now: number;
}

const bare = (label: string) => label.replace(/^\((.*)\)$/, '$1');

export function timeDisplay(input: TimeDisplayInput): TimeDisplay {
  const zone = input.mode === 'users' ? input.serviceZone : input.browserZone;
  const { language, now } = input;
  const instant = (iso: string) => Date.parse(iso);
  return {
    zone,
    at: (iso) => (Number.isNaN(instant(iso)) ? iso : formatZonedDateTime(instant(iso), zone, language, now)),
    range(from, until) {
      const [start, end] = [instant(from), instant(until)];
      if (Number.isNaN(start) || Number.isNaN(end)) return `${from} – ${until}`;
      return `${formatDateTime(start, zone, language, now)} – ${formatNear(end, zone, language, start)} ${zoneLabel(end, zone, language)}`;
    },
    zoneName: (name = zone) => `${name} (${bare(zoneLabel(now, name, language))})`,
    toInput: (iso) => (Number.isNaN(instant(iso)) ? '' : wallClockInZone(instant(iso), zone)),
    fromInput(value) {
      const ms = instantFromWallClock(value, zone);
      return ms === undefined ? undefined : isoInZone(ms, zone);
    },
  };
}
