import { describe, expect, it } from 'vitest';
import { formatUntil, isoInZone } from './local-time.ts';

describe('local time', () => {
  const deadline = Date.parse('2026-11-23T11:00:00Z');
  it('renders ISO with the zone offset at that instant, summer and winter', () => {
    expect(isoInZone(deadline, 'Europe/Moscow')).toBe('2026-11-23T14:00:00+03:00');
    expect(isoInZone(Date.parse('2026-07-01T09:30:00Z'), 'Europe/Riga')).toBe('2026-07-01T12:30:00+03:00');
    expect(isoInZone(Date.parse('2026-01-01T09:30:00Z'), 'Europe/Riga')).toBe('2026-01-01T11:30:00+02:00');
    expect(isoInZone(deadline, 'UTC')).toBe('2026-11-23T11:00:00+00:00');
    expect(isoInZone(deadline + 7, 'Asia/Kolkata')).toBe('2026-11-23T16:30:00.007+05:30');
  });

  it('{until}: the time alone on the same local day, with the date otherwise, in the response language', () => {
    const sameDay = Date.parse('2026-11-23T06:00:00Z');
    expect(formatUntil(sameDay, deadline, 'Europe/Moscow', 'ru')).toBe('14:00');
    expect(formatUntil(sameDay, deadline, 'Europe/Moscow', 'en')).toMatch(/^2:00\sPM$/);
    const dayBefore = Date.parse('2026-11-22T06:00:00Z');
    expect(formatUntil(dayBefore, deadline, 'Europe/Moscow', 'ru')).toMatch(/^23 ноября.*14:00$/);
    expect(formatUntil(dayBefore, deadline, 'Europe/Riga', 'lv')).toMatch(/23.*novembr.*13:00/);
  });
});
