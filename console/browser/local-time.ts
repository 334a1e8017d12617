const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23T14:00:00+02:00`: the instant with the browser's (the administrator's) offset. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A `datetime-local` value (the administrator's wall clock) as ISO with offset. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : isoWithOffset(date);
}

/** An ISO instant as a `datetime-local` value on the administrator's wall clock. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function localZoneLabel(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${zone} (UTC${isoWithOffset(new Date()).slice(-6)})`;
}

const display = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "23 Nov 2026, 14:00" on the administrator's clock. */
export function formatLocal(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : display.format(date);
}

/** Now + `minutes`, rounded up to the next quarter hour: deadlines people can read at a glance. */
export function roundedFromNow(minutes: number, now = Date.now()): Date {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.ceil((now + minutes * 60 * 1000) / quarter) * quarter);
}
