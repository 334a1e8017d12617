import type { PageLanguage } from '../../contract/page-languages.ts';
import type { ConsoleTexts, StaticTextKey } from '../texts/console-texts.ts';

const ATTRIBUTES = ['aria-label', 'title', 'placeholder'] as const;

const isKey = (texts: ConsoleTexts, key: string | undefined): key is StaticTextKey =>
  key !== undefined && typeof texts[key as StaticTextKey] === 'string';

/**
 * Puts the words of `texts` into every element of `root` that names one (`data-text`, or
 * `data-text-<attribute>`): the static page is written in English and switches language here.
 */
export function applyStaticTexts(root: ParentNode, texts: ConsoleTexts, language: PageLanguage): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = node.dataset.text;
    if (isKey(texts, key)) node.textContent = texts[key];
  }
  for (const attribute of ATTRIBUTES) {
    for (const node of root.querySelectorAll<HTMLElement>(`[data-text-${attribute}]`)) {
      const key = node.getAttribute(`data-text-${attribute}`) ?? undefined;
      if (isKey(texts, key)) node.setAttribute(attribute, texts[key]);
    }
  }
  document.documentElement.lang = language;
  document.title = texts.pageTitle;
}

/** Sets an element's word and remembers which it is, so a later language switch keeps it. */
export function setWord(node: HTMLElement, texts: ConsoleTexts, key: StaticTextKey): void {
  node.dataset.text = key;
  node.textContent = texts[key];
}

/** "Russian (ru)" in the console's language; the tag alone where the browser has no name for it. */
export function languageLabel(tag: string, language: PageLanguage): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name || name === tag) return tag;
  // Russian and Latvian write language names in lower case; as a label it starts a sentence.
  return `${name.charAt(0).toLocaleUpperCase(language)}${name.slice(1)} (${tag})`;
}
