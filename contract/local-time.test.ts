import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatTime,
  formatUntil,
  formatZoned,
  instantFromWallClock,
  isoInZone,
  parseInstant,
  wallClockInZone,
  zoneLabel,
  zoneOfOffset,
  zonesDiffer,
} from './local-time.ts';

const AT_1719_MSK = Date.parse('2026-11-27T14:19:00Z');
const MORNING = Date.parse('2026-11-27T06:00:00Z');

describe('one style per language', () => {
  it('writes the time as people of each language do', () => {
    expect(formatTime(AT_1719_MSK, 'Europe/Moscow', 'ru')).toBe('17:19');
    expect(formatTime(AT_1719_MSK, 'Europe/Moscow', 'lv')).toBe('17:19');
    expect(formatTime(AT_1719_MSK, 'Europe/Moscow', 'en')).toBe('5:19 PM');
    expect(formatTime(Date.parse('2026-11-27T06:05:00Z'), 'Europe/Moscow', 'ru')).toBe('09:05');
    expect(formatTime(Date.parse('2026-11-27T06:05:00Z'), 'Europe/Moscow', 'en')).toBe('9:05 AM');
  });

  it('writes the date as day and month, the year only when it is not the reference year', () => {
    expect(formatDateTime(AT_1719_MSK, 'Europe/Moscow', 'en')).toBe('27 November, 5:19 PM');
    expect(formatDateTime(AT_1719_MSK, 'Europe/Moscow', 'ru')).toBe('27 ноября, 17:19');
    expect(formatDateTime(AT_1719_MSK, 'Europe/Moscow', 'lv')).toBe('27. novembris, 17:19');
    const lastYear = Date.parse('2025-12-31T12:00:00Z');
    expect(formatDateTime(AT_1719_MSK, 'Europe/Moscow', 'en', lastYear)).toBe('27 November 2026, 5:19 PM');
  });
});

describe('zone labels', () => {
  it('names Moscow, UTC, and every other zone by its offset at that instant', () => {
    expect(zoneLabel(AT_1719_MSK, 'Europe/Moscow', 'ru')).toBe('МСК');
    expect(zoneLabel(AT_1719_MSK, 'Europe/Moscow', 'en')).toBe('MSK');
    expect(zoneLabel(AT_1719_MSK, 'UTC', 'lv')).toBe('UTC');
    expect(zoneLabel(AT_1719_MSK, 'Europe/Riga', 'lv')).toBe('(UTC+2)');
    expect(zoneLabel(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Riga', 'lv')).toBe('(UTC+3)');
    expect(zoneLabel(AT_1719_MSK, 'Asia/Kolkata', 'en')).toBe('(UTC+5:30)');
    expect(zoneLabel(AT_1719_MSK, 'America/New_York', 'en')).toBe('(UTC-5)');
  });

  it('labels a time near a reference: the time alone on the same day, else with the date', () => {
    expect(formatZoned(AT_1719_MSK, 'Europe/Moscow', 'ru', MORNING)).toBe('17:19 МСК');
    expect(formatZoned(AT_1719_MSK, 'Asia/Yekaterinburg', 'ru', MORNING)).toBe('19:19 (UTC+5)');
    expect(formatZoned(AT_1719_MSK, 'Europe/Moscow', 'en', MORNING - 86_400_000)).toBe(
      '27 November, 5:19 PM MSK',
    );
  });

  it('{until}: the date only when the message spans local midnight', () => {
    expect(formatUntil(MORNING, AT_1719_MSK, 'Europe/Moscow', 'ru')).toBe('17:19 МСК');
    const lateEvening = Date.parse('2026-11-26T20:30:00Z'); // 23:30 in Moscow
    expect(formatUntil(lateEvening, AT_1719_MSK, 'Europe/Moscow', 'lv')).toBe('27. novembris, 17:19 MSK');
  });

  it('tells zones apart by their wall clock, not their names', () => {
    expect(zonesDiffer(AT_1719_MSK, 'Europe/Moscow', 'Europe/Riga')).toBe(true);
    expect(zonesDiffer(AT_1719_MSK, 'Europe/Moscow', 'Europe/Istanbul')).toBe(false);
  });
});

describe('instants and wall clocks', () => {
  it('renders ISO with the zone offset at that instant, summer and winter', () => {
    const deadline = Date.parse('2026-11-23T11:00:00Z');
    expect(isoInZone(deadline, 'Europe/Moscow')).toBe('2026-11-23T14:00:00+03:00');
    expect(isoInZone(Date.parse('2026-07-01T09:30:00Z'), 'Europe/Riga')).toBe('2026-07-01T12:30:00+03:00');
    expect(isoInZone(Date.parse('2026-01-01T09:30:00Z'), 'Europe/Riga')).toBe('2026-01-01T11:30:00+02:00');
    expect(isoInZone(deadline, 'UTC')).toBe('2026-11-23T11:00:00+00:00');
    expect(isoInZone(deadline + 7, 'Asia/Kolkata')).toBe('2026-11-23T16:30:00.007+05:30');
    expect(isoInZone(deadline, 'America/New_York')).toBe('2026-11-23T06:00:00-05:00');
  });

  it('turns a wall clock in a zone into the instant and back', () => {
    expect(instantFromWallClock('2026-11-27T17:19', 'Europe/Moscow')).toBe(AT_1719_MSK);
    expect(wallClockInZone(AT_1719_MSK, 'Europe/Riga')).toBe('2026-11-27T16:19');
    expect(instantFromWallClock('2026-07-01T12:30:15', 'Europe/Riga')).toBe(
      Date.parse('2026-07-01T09:30:15Z'),
    );
    expect(instantFromWallClock('tomorrow', 'Europe/Riga')).toBeUndefined();
  });

  it('reads a time without an offset in the given zone, and one with an offset as it says', () => {
    expect(parseInstant('2026-11-27T17:19:00', 'Europe/Moscow')).toBe(AT_1719_MSK);
    expect(parseInstant('2026-11-27T16:19', 'Europe/Riga')).toBe(AT_1719_MSK);
    expect(parseInstant('2026-11-27T17:19:00+03:00', 'Europe/Riga')).toBe(AT_1719_MSK);
    expect(parseInstant('2026-11-27T14:19:00Z', 'Asia/Tokyo')).toBe(AT_1719_MSK);
    expect(parseInstant('14:00', 'Europe/Riga')).toBeUndefined();
  });

  it('knows the fixed zone an offset stands for', () => {
    expect(zoneOfOffset('2026-11-27T17:19:00+03:00')).toBe('+03:00');
    expect(zoneOfOffset('2026-11-27T14:19:00Z')).toBe('UTC');
    expect(zoneOfOffset('2026-11-27T09:19:00-05:00')).toBe('-05:00');
    expect(zoneOfOffset('2026-11-27T17:19:00')).toBeUndefined();
    const zone = zoneOfOffset('2026-11-27T17:19:00+03:00') ?? '';
    expect(formatZoned(AT_1719_MSK, zone, 'ru', AT_1719_MSK)).toBe('17:19 (UTC+3)');
    expect(formatZoned(AT_1719_MSK, '+05:30', 'en', AT_1719_MSK)).toBe('7:49 PM (UTC+5:30)');
    expect(isoInZone(AT_1719_MSK, '-05:00')).toBe('2026-11-27T09:19:00-05:00');
  });
});
