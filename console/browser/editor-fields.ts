import { MAX_MESSAGE_LENGTH } from '../../contract/limits.ts';
import { browserZone, type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el } from './dom.ts';
import type { MessageForm } from './message-form.ts';
import { languageLabel } from './static-texts.ts';

export type TextKind = 'text' | 'help';

/** One language's text area: its label, a character count for message texts, and its lint list. */
function textArea(
  ctx: ConsoleContext,
  kind: TextKind,
  language: string,
  value: string,
  onInput: (kind: TextKind, language: string, value: string) => void,
): HTMLElement {
  const id = `${kind}-${language}`;
  const area = el('textarea', { id, name: id, lang: language, rows: kind === 'text' ? '4' : '2' });
  area.value = value;
  const count = el('span', { class: 'count', id: `${id}-count` });
  const updateCount = () => {
    count.textContent = area.value ? ctx.texts.characters(area.value.length, MAX_MESSAGE_LENGTH) : '';
  };
  updateCount();
  area.addEventListener('input', () => {
    updateCount();
    onInput(kind, language, area.value);
  });
  return el(
    'div',
    { class: 'lang-block' },
    el('label', { for: id }, languageLabel(language, ctx.language), count),
    area,
    kind === 'text' ? el('ul', { class: 'lint', id: `lint-${language}`, 'aria-live': 'polite' }) : null,
  );
}

/** The text areas per language (message and help), and the preview's language picker to match. */
export function renderLanguageAreas(
  ctx: ConsoleContext,
  form: MessageForm,
  onInput: (kind: TextKind, language: string, value: string) => void,
): void {
  const area = (kind: TextKind) => (language: string) =>
    textArea(ctx, kind, language, (kind === 'text' ? form.text : form.help)[language] ?? '', onInput);
  byId('texts').replaceChildren(...form.languages.map(area('text')));
  byId('help-texts').replaceChildren(...form.languages.map(area('help')));
  const previewLanguage = byId('preview-language');
  const chosen = previewLanguage.value || ctx.settings.defaultLanguage;
  previewLanguage.replaceChildren(
    ...form.languages.map((language) =>
      el('option', { value: language }, languageLabel(language, ctx.language)),
    ),
  );
  previewLanguage.value = form.languages.includes(chosen) ? chosen : (form.languages[0] ?? 'ru');
}

/** The time pickers on the console's clock, and the note saying whose clock that is. */
export function renderTimes(ctx: ConsoleContext, form: MessageForm): void {
  const times = timesOf(ctx);
  byId('starts-at').value = form.startsAt ? times.toInput(form.startsAt) : '';
  byId('display-until').value = form.displayUntil ? times.toInput(form.displayUntil) : '';
  const users = times.zoneName(ctx.settings.timeZone);
  byId('zone-note').textContent =
    ctx.zoneMode === 'users'
      ? ctx.texts.zoneUsers(users)
      : ctx.texts.zoneMine(times.zoneName(browserZone()), users);
}

/** Which severity button is pressed. */
export function renderSeverity(form: MessageForm): void {
  for (const button of byId('severities').querySelectorAll<HTMLButtonElement>('button.severity')) {
    button.setAttribute('aria-pressed', String(button.dataset.severity === form.severity));
  }
}
