import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../../contract/startup-error-response.ts';
import {
  type DroppedField,
  isHttpURL,
  LAST_KNOWN_MAX_AGE_MS,
  parseStatusEntry,
  readStatusAnswer,
  selectShownStatus,
} from './shown-status.ts';

const NOW = Date.parse('2026-11-23T12:00:00+03:00');
const message = {
  userMessage: 'Идут плановые работы. Вход снова будет доступен после 14:00 (МСК).',
  displayUntil: '2026-11-23T14:00:00+03:00',
  helpText: 'Дежурный: +7 (495) 123-45-67',
  helpURL: 'https://help.example.local/1c',
};
const fetchedAt = '2026-11-23T11:55:00+03:00';

describe('selectShownStatus', () => {
  it('shows a live answer without an "as of" label', () => {
    expect(selectShownStatus({ live: { fetchedAt, response: message } }, NOW)).toEqual(message);
  });

  it('labels the last known message with the time it was fetched while its deadline is ahead', () => {
    expect(selectShownStatus({ lastKnown: { fetchedAt, response: message } }, NOW)).toEqual({
      ...message,
      asOf: fetchedAt,
    });
  });

  it('never shows a message at or after its deadline, but keeps whom to call', () => {
    const atDeadline = Date.parse(message.displayUntil);
    for (const lookup of [
      { lastKnown: { fetchedAt, response: message } },
      { live: { fetchedAt, response: message } },
    ]) {
      expect(selectShownStatus(lookup, atDeadline)).toEqual({
        helpText: message.helpText,
        helpURL: message.helpURL,
      });
    }
  });

  it('prefers the live answer, even when it has no message now', () => {
    const lookup = { live: { fetchedAt, response: {} }, lastKnown: { fetchedAt, response: message } };
    expect(selectShownStatus(lookup, NOW)).toEqual({});
  });

  it('bounds a cached message without a deadline by its age', () => {
    const entry = { fetchedAt, response: { userMessage: 'Работаем над восстановлением.' } };
    const fetched = Date.parse(fetchedAt);
    expect(selectShownStatus({ lastKnown: entry }, fetched + LAST_KNOWN_MAX_AGE_MS - 1)?.userMessage).toBe(
      'Работаем над восстановлением.',
    );
    expect(
      selectShownStatus({ lastKnown: entry }, fetched + LAST_KNOWN_MAX_AGE_MS)?.userMessage,
    ).toBeUndefined();
  });

  it('shows nothing when nothing is known', () => {
    expect(selectShownStatus({}, NOW)).toBeUndefined();
  });
});

describe('isHttpURL and readStatusAnswer', () => {
  it('only lets http(s) URLs become links', () => {
    expect(isHttpURL('https://help.example.local/1c')).toBe(true);
    expect(isHttpURL('http://10.0.0.1/help')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc',
      '/relative',
      '',
    ]) {
      expect(isHttpURL(bad)).toBe(false);
    }
  });

  it('keeps every valid field and lists each one it leaves out, with why', () => {
    const dropped: DroppedField[] = [];
    expect(
      readStatusAnswer(
        {
          userMessage: 'Текст',
          displayUntil: 'not a time',
          helpText: 42,
          helpURL: 'javascript:alert(1)',
          extra: '<b>',
        },
        'Europe/Moscow',
        dropped,
      ),
    ).toEqual({ userMessage: 'Текст' });
    expect(dropped.map((d) => d.field)).toEqual(['helpText', 'helpURL', 'displayUntil']);
    expect(dropped[1]).toEqual({
      field: 'helpURL',
      value: 'javascript:alert(1)',
      reason: 'is not an http:// or https:// address',
    });
    expect(readStatusAnswer(message, 'Europe/Moscow')).toEqual(message);
    expect(readStatusAnswer([message], 'Europe/Moscow')).toBeUndefined();
    expect(readStatusAnswer('text', 'Europe/Moscow')).toBeUndefined();
  });

  it('reads a deadline without an offset in the given zone, and writes every deadline in one form', () => {
    expect(readStatusAnswer({ displayUntil: '2026-11-23T14:00' }, 'Europe/Moscow')).toEqual({
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    expect(readStatusAnswer({ displayUntil: '2026-11-23T14:00:00' }, 'Europe/Riga')).toEqual({
      displayUntil: '2026-11-23T14:00:00+02:00',
    });
    expect(readStatusAnswer({ displayUntil: '2026-11-23T11:00:00Z' }, 'Europe/Riga')).toEqual({
      displayUntil: '2026-11-23T11:00:00+00:00',
    });
  });

  it('keeps only what the wire contract accepts, whatever the answer holds', () => {
    const field = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.constantFrom('javascript:alert(1)', 'ftp://x', '2026-11-23T14:00', '2026-11-23T14:00:00.5-04:30'),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.integer(),
      fc.constant(null),
    );
    const answer = fc.record(
      { userMessage: field, displayUntil: field, helpText: field, helpURL: field },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answer, (json) => {
        const read = readStatusAnswer(json, 'Europe/Moscow');
        expect(StartupErrorResponse.safeParse(read).success).toBe(true);
      }),
    );
  });
});

describe('parseStatusEntry', () => {
  it('keeps a cached entry field by field and refuses a damaged one', () => {
    expect(
      parseStatusEntry(
        {
          fetchedAt: '2026-11-23T10:00:00Z',
          response: { userMessage: 'Работы', helpURL: 'javascript:alert(1)', extra: 1 },
        },
        'Europe/Moscow',
      ),
    ).toEqual({ fetchedAt: '2026-11-23T10:00:00Z', response: { userMessage: 'Работы' } });
    for (const damaged of [
      null,
      'x',
      { fetchedAt: 'yesterday', response: {} },
      { fetchedAt: '2026-11-23T10:00:00Z' },
    ]) {
      expect(parseStatusEntry(damaged, 'Europe/Moscow')).toBeUndefined();
    }
  });
});
