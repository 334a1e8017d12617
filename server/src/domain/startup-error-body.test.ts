import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import type { Settings } from '../../../contract/settings.ts';
import { StartupErrorResponse } from '../../../contract/startup-error-response.ts';
import * as z from '../../../contract/zod.ts';
import { selectActiveMessage } from './active-message.ts';
import { nextBoundary } from './schedule.ts';
import { buildStartupErrorResponse } from './startup-error-body.ts';

const settings: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: { ru: 'Дежурный: 100', en: 'Duty admin: 100' },
  helpURL: 'https://help.example/1c',
  bases: {
    buh: { name: 'Бухгалтерия', helpText: { ru: 'Бухгалтерия: 200' }, helpURL: 'https://help.example/buh' },
    zup: { name: 'ЗУП' },
  },
};

function message(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    text: { ru: 'Работы до {until}.', en: 'Work until {until}.' },
    bases: ['*'],
    startsAt: '2026-11-23T10:00:00+03:00',
    displayUntil: '2026-11-23T14:00:00+03:00',
    severity: 'maintenance',
    createdAt: '2026-11-23T09:00:00+03:00',
    updatedAt: '2026-11-23T09:00:00+03:00',
    createdBy: 'ops',
    version: 1,
    ...overrides,
  };
}

describe('buildStartupErrorResponse', () => {
  it('renders {since} as the start in the service zone, labelled, with the date once the message spans midnight', () => {
    const outage = message('o', {
      text: { ru: '1С недоступна с {since}.', en: '1C unavailable since {since}.', lv: 'Kopš {since}.' },
      startsAt: '2026-11-23T03:12:00+03:00',
      displayUntil: '2026-11-23T03:42:00+03:00',
      severity: 'outage',
    });
    expect(buildStartupErrorResponse(settings, 'buh', 'ru', outage).body.userMessage).toBe(
      '1С недоступна с 03:12 МСК.',
    );
    expect(buildStartupErrorResponse(settings, 'buh', 'en', outage).body.userMessage).toBe(
      '1C unavailable since 3:12 AM MSK.',
    );
    expect(buildStartupErrorResponse(settings, 'buh', 'lv', outage).body.userMessage).toBe('Kopš 03:12 MSK.');
    const nextDay = { ...outage, displayUntil: '2026-11-24T00:20:00+03:00' };
    expect(buildStartupErrorResponse(settings, 'buh', 'ru', nextDay).body.userMessage).toBe(
      '1С недоступна с 23 ноября, 03:12 МСК.',
    );
  });

  it('takes help from the message, else the base, else the defaults, and omits what is empty', () => {
    const withOverride = message('m', { helpText: { ru: 'Звоните 300' }, helpURL: 'https://status.example' });
    expect(buildStartupErrorResponse(settings, 'buh', 'ru', withOverride).body).toEqual({
      userMessage: 'Работы до 14:00 МСК.',
      displayUntil: '2026-11-23T14:00:00+03:00',
      helpText: 'Звоните 300',
      helpURL: 'https://status.example',
    });
    expect(buildStartupErrorResponse(settings, 'buh', 'en', undefined)).toEqual({
      body: { helpText: 'Бухгалтерия: 200', helpURL: 'https://help.example/buh' },
      language: 'ru',
    });
    expect(buildStartupErrorResponse(settings, 'zup', 'en', undefined).body).toEqual({
      helpText: 'Duty admin: 100',
      helpURL: 'https://help.example/1c',
    });
    expect(
      buildStartupErrorResponse(
        { ...settings, helpText: undefined, helpURL: undefined },
        'zup',
        'ru',
        undefined,
      ).body,
    ).toEqual({});
  });

  it('never produces an answer outside the wire schema', () => {
    const answer = buildStartupErrorResponse(settings, 'x', 'en', message('m'));
    expect(z.strictObject(StartupErrorResponse.shape).parse(answer.body)).toEqual(answer.body);
    expect(answer.language).toBe('en');
  });
});

describe('selection and schedule', () => {
  const t = Date.parse('2026-11-23T09:00:00Z');
  it('selects by window and target: startsAt inclusive, displayUntil exclusive', () => {
    const onlyZup = message('zup', { bases: ['zup'], severity: 'outage' });
    const messages = [message('all'), onlyZup];
    expect(selectActiveMessage(messages, 'zup', t)?.id).toBe('zup');
    expect(selectActiveMessage(messages, 'buh', t)?.id).toBe('all');
    expect(selectActiveMessage(messages, 'buh', Date.parse('2026-11-23T07:00:00Z'))?.id).toBe('all');
    expect(selectActiveMessage(messages, 'buh', Date.parse('2026-11-23T06:59:59.999Z'))).toBeUndefined();
    expect(selectActiveMessage(messages, 'buh', Date.parse('2026-11-23T11:00:00Z'))).toBeUndefined();
  });

  it('orders messages created within one second by their milliseconds', async () => {
    const { createMessage } = await import('./message-changes.ts');
    const fields = {
      text: { ru: 'x' },
      bases: ['*'] as ['*'],
      displayUntil: '2026-11-23T14:00:00+03:00',
      severity: 'info' as const,
    };
    const ctx = { actor: 'ops', settings };
    const first = createMessage(fields, 'b-first', { ...ctx, now: t + 100 });
    const second = createMessage(fields, 'a-second', { ...ctx, now: t + 900 });
    if (!first.ok || !second.ok) throw new Error('both are valid');
    expect(selectActiveMessage([second.message, first.message], '*', t + 1000)?.id).toBe('a-second');
    expect(selectActiveMessage([first.message, second.message], '*', t + 1000)?.id).toBe('a-second');
  });

  it('prefers the newest among equally severe messages', () => {
    const older = message('older');
    const newer = message('newer', { createdAt: '2026-11-23T09:30:00+03:00' });
    expect(selectActiveMessage([newer, older], '*', t)?.id).toBe('newer');
    expect(selectActiveMessage([older, newer], '*', t)?.id).toBe('newer');
  });

  it('finds the next start or end after t', () => {
    const later = message('later', {
      startsAt: '2026-11-23T12:30:00+03:00',
      displayUntil: '2026-11-23T16:00:00+03:00',
    });
    expect(nextBoundary([message('m'), later], t)).toBe(Date.parse('2026-11-23T09:30:00Z'));
    expect(nextBoundary([message('m')], Date.parse('2026-11-23T11:00:00Z'))).toBeUndefined();
  });
});

describe('status view', () => {
  it('lists configured bases and bases of current or coming messages, not of long-ended ones', async () => {
    const { buildStatusView } = await import('./status-view.ts');
    const t = Date.parse('2026-11-23T09:00:00Z');
    const view = buildStatusView(
      settings,
      [
        message('now', { bases: ['sklad'], severity: 'outage' }),
        message('old', {
          bases: ['archive'],
          startsAt: '2026-11-01T10:00:00+03:00',
          displayUntil: '2026-11-02T10:00:00+03:00',
        }),
        message('soon', {
          bases: ['zup'],
          startsAt: '2026-11-25T10:00:00+03:00',
          displayUntil: '2026-11-25T12:00:00+03:00',
        }),
      ],
      t,
      'en',
    );
    expect(view.bases.map((b) => [b.key, b.state])).toEqual([
      ['*', 'ok'],
      ['buh', 'ok'],
      ['zup', 'ok'],
      ['sklad', 'outage'],
    ]);
    expect(view.bases[0]?.name).toBe('All bases');
    expect(view.bases.find((b) => b.key === 'zup')?.upcoming.map((m) => m.displayUntil)).toEqual([
      '2026-11-25T12:00:00+03:00',
    ]);
    expect(view.bases.find((b) => b.key === 'sklad')?.active[0]).toMatchObject({
      userMessage: 'Work until 2:00 PM MSK.',
      displayUntilLocal: '23 November, 2:00 PM MSK',
    });
  });

  it('shows every time in the service zone, whatever zone the message was entered in', async () => {
    const { buildStatusView } = await import('./status-view.ts');
    const t = Date.parse('2026-11-23T09:00:00Z');
    const entered = message('riga', {
      timeZone: 'Europe/Riga',
      startsAt: '2026-11-23T09:00:00+02:00',
      displayUntil: '2026-11-23T13:00:00+02:00',
    });
    expect(buildStartupErrorResponse(settings, 'buh', 'ru', entered).body).toMatchObject({
      userMessage: 'Работы до 14:00 МСК.',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    expect(buildStatusView(settings, [entered], t, 'ru').bases[0]?.active[0]).toMatchObject({
      displayUntil: '2026-11-23T14:00:00+03:00',
      displayUntilLocal: '23 ноября, 14:00 МСК',
    });
  });
});
