import type { BaseSettings } from '../../contract/settings.ts';
import { languageLabel } from './console-context.ts';
import { el } from './dom.ts';

/** Ids only tie labels to fields; keys can be renamed while editing, so they are not used. */
let entries = 0;

/**
 * One base on the settings page: key, name, help link and a help text per language. The help text
 * replaces the default help text for this base's users; an empty language falls back.
 */
export function createBaseEntry(
  key: string,
  base: BaseSettings | undefined,
  languages: readonly string[],
): HTMLFieldSetElement {
  const id = `base-${++entries}`;
  const legend = el('legend', {});
  const field = (cls: string, name: string, label: string, value: string, type = 'text') => {
    const input = el('input', { type, id: `${id}-${name}`, class: cls });
    input.value = value;
    return [el('label', { for: input.id }, label), input] as const;
  };
  const [keyLabel, keyInput] = field('base-key', 'key', 'Key', key);
  const showKey = () => {
    legend.textContent = keyInput.value.trim() ? `Base ${keyInput.value.trim()}` : 'New base';
  };
  keyInput.addEventListener('input', showKey);
  showKey();

  const own = Object.keys(base?.helpText ?? {});
  const helpTexts = [...new Set([...languages, ...own])].map((language) => {
    const area = el('textarea', {
      id: `${id}-help-${language}`,
      class: 'base-help-text',
      lang: language,
      rows: '2',
      'data-language': language,
    });
    area.value = base?.helpText?.[language] ?? '';
    return el('div', { class: 'lang-block' }, el('label', { for: area.id }, languageLabel(language)), area);
  });

  const remove = el('button', { type: 'button', class: 'danger base-remove' }, 'Remove this base');
  const entry = el(
    'fieldset',
    { class: 'base-entry' },
    legend,
    el(
      'div',
      { class: 'base-fields' },
      el('div', {}, keyLabel, keyInput),
      el('div', {}, ...field('base-name', 'name', 'Name users know', base?.name ?? '')),
      el(
        'div',
        {},
        ...field(
          'base-help-url',
          'help-url',
          'Help link for this base (optional)',
          base?.helpURL ?? '',
          'url',
        ),
      ),
    ),
    el(
      'fieldset',
      { class: 'base-help' },
      el('legend', {}, 'Help text for this base (optional; replaces the default help text)'),
      el(
        'p',
        { class: 'hint' },
        "An empty language shows this base's text in another language (the default language first). Leave all empty to use the default help text.",
      ),
      ...helpTexts,
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
  const tag = (field: HTMLElement | null, path: string) => field?.setAttribute('data-path', path);
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
