import { describe, expect, it } from 'vitest';
import { CONSOLE_TEXTS } from '../texts/console-texts.ts';
import { durationWords } from './duration-words.ts';
import { problemWords } from './problem-words.ts';

const { ru, en, lv } = CONSOLE_TEXTS;

describe('durations as people say them', () => {
  it('puts the biggest unit first and leaves out zeros; a number stays with its unit', () => {
    expect(durationWords(90, en)).toBe('1\u00a0min 30\u00a0s');
    expect(durationWords(60, ru)).toBe('1\u00a0мин');
    expect(durationWords(45, lv)).toBe('45\u00a0s');
    expect(durationWords(3900, ru)).toBe('1\u00a0ч 5\u00a0мин');
    expect(durationWords(0, en)).toBe('0\u00a0s');
  });
});

describe('problem texts of checks and deliveries in the console language', () => {
  it('says the service’s common problems in Russian and Latvian', () => {
    expect(problemWords('no answer within 5 s', ru)).toBe('нет ответа за 5 с');
    expect(problemWords('connection refused: nothing listens on that port', lv)).toBe(
      'savienojums atteikts: šajā portā neviens neklausās',
    );
    expect(problemWords('host not found: check the name', ru)).toBe(
      'сервер с таким именем не найден: проверьте имя',
    );
    expect(problemWords('HTTP 503', ru)).toBe('HTTP 503');
  });

  it('drops the attempt count the outcome already says, and keeps anything else as written', () => {
    expect(problemWords('the receiver answered HTTP 500 (after 6 attempts)', ru)).toBe(
      'получатель ответил HTTP 500',
    );
    expect(problemWords('the receiver answered HTTP 500 (after 1 attempt)', en)).toBe(
      'the receiver answered HTTP 500',
    );
    expect(problemWords('TLS handshake failed', lv)).toBe('TLS handshake failed');
  });
});
