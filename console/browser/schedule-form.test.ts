import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../contract/schedule.ts';
import { CONSOLE_TEXTS } from '../texts/console-texts.ts';
import { cronOfRepeat, describeRepeat, repeatOfCron, weekdayName } from './repeat-pattern.ts';
import { emptyScheduleForm, formFromSchedule, scheduleBody } from './schedule-form.ts';

const NOW = Date.parse('2026-11-27T11:00:00Z');

describe('how a recurring window repeats', () => {
  it('recognises every day and every week at a time, and keeps any other cron as written', () => {
    expect(repeatOfCron('0 1 * * *')).toEqual({ kind: 'daily', time: '01:00' });
    expect(repeatOfCron(' 30  22 * * 0 ')).toEqual({ kind: 'weekly', weekday: 0, time: '22:30' });
    expect(repeatOfCron('0 22 * * 7')).toEqual({ kind: 'weekly', weekday: 0, time: '22:00' });
    expect(repeatOfCron('0 3 1 * *')).toEqual({ kind: 'cron', cron: '0 3 1 * *' });
    expect(repeatOfCron('0 1 * * 1-5')).toEqual({ kind: 'cron', cron: '0 1 * * 1-5' });
    expect(repeatOfCron('0 25 * * *')).toEqual({ kind: 'cron', cron: '0 25 * * *' });
  });

  it('writes the cron back, round trip', () => {
    for (const cron of ['0 1 * * *', '30 22 * * 0', '5 9 * * 3', '0 3 1 * *']) {
      expect(cronOfRepeat(repeatOfCron(cron))).toBe(cron);
    }
    expect(cronOfRepeat({ kind: 'daily', time: '25:00' })).toBeUndefined();
    expect(cronOfRepeat({ kind: 'weekly', weekday: 6, time: '07:05' })).toBe('5 7 * * 6');
  });

  it('says it in words, with the zone of its times', () => {
    const { ru, en, lv } = CONSOLE_TEXTS;
    expect(describeRepeat({ kind: 'daily', time: '01:00' }, 'Europe/Moscow', 'ru', ru, NOW)).toBe(
      'Каждый день в 01:00 МСК',
    );
    expect(describeRepeat({ kind: 'weekly', weekday: 0, time: '22:00' }, 'Europe/Riga', 'en', en, NOW)).toBe(
      'Every Sunday at 10:00 PM (UTC+2)',
    );
    expect(describeRepeat({ kind: 'weekly', weekday: 1, time: '22:00' }, 'Europe/Riga', 'lv', lv, NOW)).toBe(
      'Katru nedēļu: pirmdiena, 22:00 (UTC+2)',
    );
    expect(describeRepeat({ kind: 'cron', cron: '0 3 1 * *' }, 'Europe/Moscow', 'ru', ru, NOW)).toBe(
      'Cron «0 3 1 * *» (МСК)',
    );
    expect(weekdayName(0, 'ru')).toBe('воскресенье');
  });
});

describe('the recurring window form', () => {
  const schedule: Schedule = {
    id: 's1',
    name: 'Ночное копирование',
    cron: '0 22 * * 0',
    durationMinutes: 90,
    timeZone: 'Europe/Riga',
    bases: ['*'],
    text: { ru: 'Плановые работы до {until}.' },
    severity: 'maintenance',
    startsFrom: '2026-12-01T00:00:00+02:00',
    enabled: true,
    exceptions: [],
    createdAt: '2026-11-27T12:00:00+02:00',
    updatedAt: '2026-11-27T12:00:00+02:00',
    createdBy: 'ops',
    version: 3,
  };

  it('starts as every night at 01:00 in the users’ zone, for an hour', () => {
    expect(
      scheduleBody({ ...emptyScheduleForm('Europe/Moscow'), name: 'Копия', text: { ru: 'До {until}.' } }),
    ).toEqual({
      name: 'Копия',
      cron: '0 1 * * *',
      durationMinutes: 60,
      timeZone: 'Europe/Moscow',
      bases: ['*'],
      text: { ru: 'До {until}.' },
      enabled: true,
    });
  });

  it('keeps every shape of the repeat while switching, and sends the chosen one', () => {
    const form = formFromSchedule(schedule, '"schedule-3"');
    expect(form).toMatchObject({ repeat: 'weekly', weekday: 0, time: '22:00', cron: '0 22 * * 0' });
    expect(scheduleBody({ ...form, repeat: 'daily' }).cron).toBe('0 22 * * *');
    expect(scheduleBody({ ...form, repeat: 'cron', cron: '0  3 1 * *' }).cron).toBe('0 3 1 * *');
    // A time that is not one goes as typed, so the service names the field.
    expect(scheduleBody({ ...form, repeat: 'daily', time: '' }).cron).toBe('');
  });

  it('removes a cleared bound of a stored window, and leaves out an empty one of a new window', () => {
    const form = formFromSchedule(schedule, undefined);
    expect(scheduleBody({ ...form, startsFrom: '' }).startsFrom).toBeNull();
    expect(scheduleBody(form)).not.toHaveProperty('endsAt');
    expect(scheduleBody(emptyScheduleForm('UTC'))).not.toHaveProperty('startsFrom');
  });
});
