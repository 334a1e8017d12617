import { PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import type { ConsoleContext } from './console-context.ts';
import { el } from './dom.ts';
import { languageLabel } from './static-texts.ts';

/**
 * A text area per language in `box` (ids `<prefix>-<language>`, `data-path` `text.<language>`): our
 * three languages first, then any other the item already has.
 */
export function renderLanguageFields(
  ctx: Pick<ConsoleContext, 'language'>,
  box: HTMLElement,
  prefix: string,
  texts: Readonly<Record<string, string>>,
  onInput: (language: string, value: string) => void,
): void {
  const languages = [...new Set([...PAGE_LANGUAGES, ...Object.keys(texts)])];
  box.replaceChildren(
    ...languages.map((language) => {
      const area = el('textarea', {
        id: `${prefix}-${language}`,
        lang: language,
        rows: '3',
        'data-path': `text.${language}`,
      });
      area.value = texts[language] ?? '';
      area.addEventListener('input', () => onInput(language, area.value));
      return el(
        'div',
        { class: 'lang-block' },
        el('label', { for: area.id }, languageLabel(language, ctx.language)),
        area,
      );
    }),
  );
}
