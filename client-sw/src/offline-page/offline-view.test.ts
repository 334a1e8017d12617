import { describe, expect, it } from 'vitest';
import { SwConfig } from '../../../contract/kit-config.ts';
import { buildOfflineView, pageZone } from './offline-view.ts';

const NOW = Date.parse('2026-11-27T12:00:00+03:00');
const DEADLINE = '2026-11-27T17:19:00+03:00';

describe('buildOfflineView', () => {
  const config = SwConfig.parse({
    helpText: { ru: 'Звоните', en: 'Call us' },
    helpURL: 'https://help.example.local',
    timeZone: 'Europe/Moscow',
  });
  const failure = {
    kind: 'timeout' as const,
    url: 'https://1c.example.local/buh/',
    at: '2026-11-27T11:59:00+03:00',
    timeoutSeconds: 10,
  };

  it('says what happened in each language, and when, in the service zone', () => {
    const en = buildOfflineView({ config, failure }, undefined, 'en', NOW, 'Europe/Riga');
    expect(en.title).toBe('Cannot connect to 1C');
    expect(en.lead).toContain('taking too long');
    expect(en.details[0]).toEqual(['What happened', 'No answer within 10 s']);
    expect(en.details[1]).toEqual(['When', '27 November, 11:59 AM MSK']);
    expect(en.helpText).toBe('Call us');
    expect(en.helpURL).toBe('https://help.example.local');
    const lv = buildOfflineView({ config, failure }, undefined, 'lv', NOW, 'Europe/Moscow');
    expect(lv.details[0]).toEqual(['Kas notika', 'Nav atbildes 10 s laikā']);
  });

  it('shows one deadline labelled with the service zone, and the reader time once where it differs', () => {
    const shown = { userMessage: 'Восстановим до 17:19 МСК.', displayUntil: DEADLINE };
    const riga = buildOfflineView({ config, failure }, shown, 'ru', NOW, 'Europe/Riga');
    expect(riga.deadline).toBe('Ориентировочно до 17:19 МСК');
    expect(riga.deadlineLocal).toBe('16:19 по вашему времени');
    const yekaterinburg = buildOfflineView({ config, failure }, shown, 'ru', NOW, 'Asia/Yekaterinburg');
    expect(yekaterinburg.deadline).toBe('Ориентировочно до 17:19 МСК');
    expect(yekaterinburg.deadlineLocal).toBe('19:19 по вашему времени');
    const moscow = buildOfflineView({ config, failure }, shown, 'ru', NOW, 'Europe/Moscow');
    expect(moscow.deadlineLocal).toBeUndefined();
    const en = buildOfflineView({ config, failure }, shown, 'en', NOW, 'Europe/Riga');
    expect([en.deadline, en.deadlineLocal]).toEqual(['Expected until 5:19 PM MSK', '4:19 PM your time']);
  });

  it('without a configured zone, names the zone by the deadline own offset, so it agrees with {until}', () => {
    const bare = SwConfig.parse({});
    const shown = { userMessage: 'Работы', displayUntil: DEADLINE };
    const view = buildOfflineView({ config: bare, failure }, shown, 'ru', NOW, 'Europe/Riga');
    expect(view.deadline).toBe('Ориентировочно до 17:19 (UTC+3)');
    expect(view.deadlineLocal).toBe('16:19 по вашему времени');
    expect(pageZone(bare, undefined, 'Europe/Riga')).toBe('Europe/Riga');
  });

  it('labels a cached message "as of" and prefers the status service contacts', () => {
    const view = buildOfflineView(
      { config, failure },
      {
        userMessage: 'Работы',
        displayUntil: '2026-11-27T14:00:00+03:00',
        asOf: '2026-11-27T11:40:00+03:00',
        helpText: 'Дежурный: 123',
      },
      'ru',
      NOW,
      'Europe/Moscow',
    );
    expect(view.deadline).toBe('Ориентировочно до 14:00 МСК');
    expect(view.asOf).toBe('Последнее известное сообщение, по состоянию на 11:40 МСК');
    expect(view.helpText).toBe('Дежурный: 123');
  });
});
