import type { PageLanguage } from '../../contract/page-languages.ts';
import type { BaseSettings } from '../../contract/settings.ts';
import type { ConsoleTexts } from '../texts/console-texts.ts';
import { el } from './dom.ts';
import { languageLabel } from './static-texts.ts';

/** Ids only tie labels to fields; keys can be renamed while editing, so they are not used. */
let entries = 0;

export interface BaseEntryWords {
  readonly texts: ConsoleTexts;
  readonly language: PageLanguage;
}

function field(id: string, cls: string, name: string, label: string, value: string, type = 'text') {
  const input = el('input', { type, id: `${id}-${name}`, class: cls });
  input.value = value;
  return [el('label', { for: input.id }, label), input] as const;
}

function helpTexts(
  id: string,
  base: BaseSettings | undefined,
  languages: readonly string[],
  words: BaseEntryWords,
) {
  const own = Object.keys(base?.helpText ?? {});
  return [...new Set([...languages, ...own])].map((language) => {
    const area = el('textarea', {
      id: `${id}-help-${language}`,
      class: 'base-help-text',
      lang: language,
      rows: '2',
      'data-language': language,
    });
    area.value = base?.helpText?.[language] ?? '';
    return el(
      'div',
      { class: 'lang-block' },
      el('label', { for: area.id }, languageLabel(language, words.language)),
      area,
    );
  });
}

/**
 * One base on the settings page: key, name, help link and a help text per language. The help text
 * replaces the default help text for this base's users; an empty language falls back.
 */
export function createBaseEntry(
  key: string,
  base: BaseSettings | undefined,
  languages: readonly string[],
  words: BaseEntryWords,
): HTMLFieldSetElement {
  const { texts } = words;
  const id = `base-${++entries}`;
  const legend = el('legend', {});
  const [keyLabel, keyInput] = field(id, 'base-key', 'key', texts.baseKeyLabel, key);
  const showKey = () => {
    legend.textContent = keyInput.value.trim() ? texts.baseTitle(keyInput.value.trim()) : texts.newBase;
  };
  keyInput.addEventListener('input', showKey);
  showKey();
  const remove = el('button', { type: 'button', class: 'danger base-remove' }, texts.removeBase);
  const entry = el(
    'fieldset',
    { class: 'base-entry' },
    legend,
    el(
      'div',
      { class: 'base-fields' },
      el('div', {}, keyLabel, keyInput),
      el('div', {}, ...field(id, 'base-name', 'name', texts.baseNameLabel, base?.name ?? '')),
      el(
        'div',
        {},
        ...field(id, 'base-help-url', 'help-url', texts.baseHelpURLLabel, base?.helpURL ?? '', 'url'),
      ),
    ),
    el(
      'fieldset',
      { class: 'base-help' },
      el('legend', {}, texts.baseHelpLegend),
      el('p', { class: 'hint' }, texts.baseHelpHint),
      ...helpTexts(id, base, languages, words),
    ),
    remove,
  );
  remove.addEventListener('click', () => {
    const next = entry.nextElementSibling ?? entry.previousElementSibling;
    entry.remove();
    // Keep keyboard users in the list rather than dropping focus to the page.
    next?.querySelector<HTMLElement>('input, button')?.focus();
  });
  return entry;
}

/**
 * The base as typed, or undefined for an entry without a key (a blank new row is ignored). Tags each
 * field with its path in the settings so refused values can be pointed at.
 */
export function readBaseEntry(entry: HTMLElement): [string, BaseSettings] | undefined {
  const input = (cls: string) => entry.querySelector<HTMLInputElement>(`input.${cls}`);
  const key = input('base-key')?.value.trim() ?? '';
  if (!key) return undefined;
  const tag = (node: HTMLElement | null, path: string) => node?.setAttribute('data-path', path);
  tag(input('base-key'), `bases.${key}`);
  tag(input('base-name'), `bases.${key}.name`);
  tag(input('base-help-url'), `bases.${key}.helpURL`);
  const helpText: Record<string, string> = {};
  for (const area of entry.querySelectorAll<HTMLTextAreaElement>('textarea.base-help-text')) {
    const language = area.dataset.language ?? '';
    tag(area, `bases.${key}.helpText.${language}`);
    const value = area.value.trim();
    if (value) helpText[language] = value;
  }
  const helpURL = input('base-help-url')?.value.trim() ?? '';
  return [
    key,
    {
      name: input('base-name')?.value.trim() || key,
      ...(Object.keys(helpText).length > 0 && { helpText }),
      ...(helpURL && { helpURL }),
    },
  ];
}
