import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '../element-ids.ts';
import { CONSOLE_TEXTS } from '../texts/console-texts.ts';
import { renderConsolePage } from './console-page.tsx';

const html = renderConsolePage();

describe('the console page', () => {
  it('has every element of the shared id map exactly once, with the tag the program expects', () => {
    for (const [id, tag] of Object.entries(ELEMENTS)) {
      const found = [...html.matchAll(new RegExp(`<(\\w+)[^>]*\\sid="${id}"`, 'g'))].map((match) => match[1]);
      expect({ id, found }).toEqual({ id, found: [tag] });
    }
  });

  it('names only words every language has, so each can be switched', () => {
    const keys = [...html.matchAll(/data-text(?:-[\w-]+)?="(\w+)"/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(60);
    for (const texts of Object.values(CONSOLE_TEXTS)) {
      for (const key of keys) expect(typeof texts[key as keyof typeof texts], key).toBe('string');
    }
  });
});
