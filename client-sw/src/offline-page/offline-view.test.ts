import { describe, expect, it } from 'vitest';
import { SwConfig } from '../../../contract/kit-config.ts';
import { buildOfflineView, formatLocalTime } from './offline-view.ts';

const NOW = Date.parse('2026-11-23T12:00:00+03:00');

describe('formatLocalTime', () => {
  it('shows only the time today and the date too on another day, in the reader zone', () => {
    expect(formatLocalTime('2026-11-23T14:00:00+03:00', 'ru', NOW, 'Europe/Moscow')).toBe('14:00');
    expect(formatLocalTime('2026-11-23T14:00:00+03:00', 'lv', NOW, 'Europe/Riga')).toBe('13:00');
    expect(formatLocalTime('2026-11-24T09:30:00+03:00', 'ru', NOW, 'Europe/Moscow')).toMatch(
      /^24 ноября.* 09:30$/,
    );
  });
});

describe('buildOfflineView', () => {
  const config = SwConfig.parse({
    helpText: { ru: 'Звоните', en: 'Call us' },
    helpURL: 'https://help.example.local',
  });
  const failure = {
    kind: 'timeout' as const,
    url: 'https://1c.example.local/buh/',
    at: '2026-11-23T11:59:00+03:00',
    timeoutSeconds: 10,
  };

  it('says what happened in each language, and when', () => {
    const en = buildOfflineView({ config, failure }, undefined, 'en', NOW, 'Europe/Moscow');
    expect(en.title).toBe('Cannot connect to 1C');
    expect(en.lead).toContain('taking too long');
    expect(en.details[0]).toEqual(['What happened', 'No answer within 10 s']);
    expect(en.helpText).toBe('Call us');
    expect(en.helpURL).toBe('https://help.example.local');
    const lv = buildOfflineView({ config, failure }, undefined, 'lv', NOW, 'Europe/Moscow');
    expect(lv.details[0]).toEqual(['Kas notika', 'Nav atbildes 10 s laikā']);
  });

  it('labels a cached message "as of" and prefers the status service contacts', () => {
    const view = buildOfflineView(
      { config, failure },
      {
        userMessage: 'Работы',
        displayUntil: '2026-11-23T14:00:00+03:00',
        asOf: '2026-11-23T11:40:00+03:00',
        helpText: 'Дежурный: 123',
      },
      'ru',
      NOW,
      'Europe/Moscow',
    );
    expect(view.deadline).toBe('Ориентировочно до 14:00');
    expect(view.asOf).toBe('Последнее известное сообщение, по состоянию на 11:40');
    expect(view.helpText).toBe('Дежурный: 123');
  });
});
