import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/message.ts';
import type { MessageTemplate } from '../../contract/message-template.ts';
import {
  checkForm,
  chosenBases,
  draftOf,
  emptyForm,
  formFromMessage,
  payloadOf,
  roundedFromNow,
  withLanguage,
  withTemplate,
  withUntilFromNow,
} from './message-form.ts';

const NOW = Date.parse('2026-11-27T14:07:00Z');

const STORED: Message = {
  id: 'm1',
  text: { ru: 'Работы до {until}.', de: 'Arbeiten bis {until}.' },
  helpText: { ru: 'Звоните 100' },
  bases: ['buh'],
  startsAt: '2026-11-27T16:00:30+03:00',
  displayUntil: '2026-11-27T18:00:30+03:00',
  severity: 'outage',
  createdAt: '2026-11-27T16:00:30+03:00',
  updatedAt: '2026-11-27T16:00:30+03:00',
  createdBy: 'ops',
  version: 2,
};

const TEMPLATE: MessageTemplate = {
  id: 'planned',
  severity: 'maintenance',
  durationMinutes: 120,
  title: { ru: 'Работы', en: 'Maintenance', lv: 'Darbi' },
  text: {
    ru: { main: 'Работы до {until}.', contact: 'Звоните: {phone}.' },
    en: { main: 'Work until {until}.', contact: 'Call {phone}.' },
    lv: { main: 'Darbi līdz {until}.', contact: 'Zvaniet: {phone}.' },
  },
};

describe('the message form without a DOM', () => {
  it('starts blank in our three languages, for all bases, for an hour rounded to a quarter', () => {
    const form = emptyForm(NOW);
    expect(form).toMatchObject({ languages: ['ru', 'en', 'lv'], bases: ['*'], severity: 'maintenance' });
    expect(form.displayUntil).toBe('2026-11-27T15:15:00.000Z');
    expect(roundedFromNow(30, Date.parse('2026-11-27T14:00:00Z'))).toBe('2026-11-27T14:30:00.000Z');
    expect(checkForm(form)).toBe('needText');
  });

  it('fills every language from a template, with the phone when one is given', () => {
    const form = withTemplate(emptyForm(NOW), TEMPLATE, ' +7 (495) 123-45-67 ', NOW);
    expect(form.text).toEqual({
      ru: 'Работы до {until}. Звоните: +7 (495) 123-45-67.',
      en: 'Work until {until}. Call +7 (495) 123-45-67.',
      lv: 'Darbi līdz {until}. Zvaniet: +7 (495) 123-45-67.',
    });
    expect(form.displayUntil).toBe('2026-11-27T16:15:00.000Z');
    expect(withTemplate(emptyForm(NOW), TEMPLATE, '', NOW).text.en).toBe('Work until {until}.');
    expect(checkForm(form)).toBeUndefined();
  });

  it('adds a language only when it is a language tag', () => {
    const form = emptyForm(NOW);
    expect(withLanguage(form, ' de ')?.languages).toEqual(['ru', 'en', 'lv', 'de']);
    expect(withLanguage(form, 'ru')).toBe(form);
    expect(withLanguage(form, 'not a tag')).toBeUndefined();
  });

  it('sends a new message whole, without empty texts or overrides', () => {
    const form = { ...withUntilFromNow(emptyForm(NOW), 240, NOW), text: { ru: ' Работы ', en: '  ' } };
    expect(payloadOf(form)).toEqual({
      text: { ru: 'Работы' },
      bases: ['*'],
      severity: 'maintenance',
      displayUntil: '2026-11-27T18:15:00.000Z',
    });
  });

  it('edits a stored message: unchanged times are not sent, emptied overrides are removed', () => {
    const loaded = formFromMessage(STORED, '"m2"');
    expect(loaded.languages).toEqual(['ru', 'en', 'lv', 'de']);
    expect(payloadOf({ ...loaded, help: { ru: '' } })).toEqual({
      text: STORED.text,
      bases: ['buh'],
      severity: 'outage',
      helpText: null,
      helpURL: null,
    });
    const moved = { ...loaded, displayUntil: '2026-11-27T19:00:00+03:00' };
    expect(payloadOf(moved)).toMatchObject({ displayUntil: '2026-11-27T19:00:00+03:00' });
    expect(payloadOf(moved)).not.toHaveProperty('startsAt');
    expect(draftOf(moved)).toMatchObject({
      id: 'm1',
      startsAt: STORED.startsAt,
      helpText: { ru: 'Звоните 100' },
    });
  });

  it('asks for a deadline, and reads "all bases" or the chosen ones', () => {
    expect(checkForm({ ...emptyForm(NOW), text: { ru: 'x' }, displayUntil: '' })).toBe('needDeadline');
    expect(chosenBases(['buh', '*'])).toEqual(['*']);
    expect(chosenBases([])).toEqual(['*']);
    expect(chosenBases(['buh', 'zup'])).toEqual(['buh', 'zup']);
    // A click: a base ticked while "all bases" is leaves "all bases"; "all bases" ticked leaves the rest.
    expect(chosenBases(['*', 'buh'], { value: 'buh', checked: true })).toEqual(['buh']);
    expect(chosenBases(['*', 'buh'], { value: '*', checked: true })).toEqual(['*']);
    expect(chosenBases(['zup'], { value: 'buh', checked: false })).toEqual(['zup']);
    expect(chosenBases([], { value: 'buh', checked: false })).toEqual(['*']);
  });
});
