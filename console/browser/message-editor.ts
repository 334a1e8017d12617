import type { MessageLintWarning } from '../../contract/lint-warning.ts';
import type { Message, Severity } from '../../contract/message.ts';
import type { MessageTemplate } from '../../contract/message-template.ts';
import { problemText } from './admin-api.ts';
import { createBaseChoices } from './base-choices.ts';
import { type ConsoleContext, languageLabel } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { createLivePreview, type Draft } from './live-preview.ts';
import { formatLocal, fromLocalInput, localZoneLabel, roundedFromNow, toLocalInput } from './local-time.ts';
import type { LoadedMessage } from './messages-view.ts';

const DEFAULT_LANGUAGES = ['ru', 'en', 'lv'];
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface MessageEditor {
  open(loaded?: LoadedMessage): void;
}

/** The message form: templates, texts per language, live lint and previews, save with conflict handling. */
export function createMessageEditor(ctx: ConsoleContext, onDone: (notice: string) => void): MessageEditor {
  const section = byId('editor');
  const form = byId<HTMLFormElement>('message-form');
  const texts = byId('texts');
  const helpTexts = byId('help-texts');
  const startsAt = byId<HTMLInputElement>('starts-at');
  const displayUntil = byId<HTMLInputElement>('display-until');
  const helpURL = byId<HTMLInputElement>('help-url');
  const formError = byId('form-error');
  const conflict = byId('conflict');
  const previewLanguage = byId<HTMLSelectElement>('preview-language');

  let editing: { id: string; etag: string | undefined } | undefined;
  /** The time inputs as loaded: an unchanged picker is not sent, so seconds are never cut off. */
  let loadedTimes = { startsAt: '', displayUntil: '' };
  let theirs: LoadedMessage | undefined;
  let languages: string[] = [...DEFAULT_LANGUAGES];
  let severity: Severity = 'maintenance';
  const bases = createBaseChoices(ctx);

  function setSeverity(next: Severity) {
    severity = next;
    for (const button of form.querySelectorAll<HTMLButtonElement>('button.severity')) {
      button.setAttribute('aria-pressed', String(button.dataset.severity === next));
    }
  }

  function textArea(kind: 'text' | 'help', language: string, value: string): HTMLElement {
    const id = `${kind}-${language}`;
    const area = el('textarea', { id, name: id, lang: language, rows: kind === 'text' ? '4' : '2' });
    area.value = value;
    const count = el('span', { class: 'count', id: `${id}-count` });
    const updateCount = () => {
      count.textContent = area.value ? `${area.value.length} / 300` : '';
    };
    updateCount();
    area.addEventListener('input', updateCount);
    return el(
      'div',
      { class: 'lang-block' },
      el('label', { for: id }, languageLabel(language), count),
      area,
      kind === 'text' ? el('ul', { class: 'lint', id: `lint-${language}`, 'aria-live': 'polite' }) : null,
    );
  }

  function renderLanguages(values: { text: Record<string, string>; help: Record<string, string> }) {
    texts.replaceChildren(
      ...languages.map((language) => textArea('text', language, values.text[language] ?? '')),
    );
    helpTexts.replaceChildren(
      ...languages.map((language) => textArea('help', language, values.help[language] ?? '')),
    );
    const chosen = previewLanguage.value || ctx.settings.defaultLanguage;
    previewLanguage.replaceChildren(
      ...languages.map((language) => el('option', { value: language }, languageLabel(language))),
    );
    previewLanguage.value = languages.includes(chosen) ? chosen : (languages[0] ?? 'ru');
  }

  function currentValues(kind: 'text' | 'help'): Record<string, string> {
    const values: Record<string, string> = {};
    for (const language of languages) {
      const area = document.getElementById(`${kind}-${language}`) as HTMLTextAreaElement | null;
      if (area && area.value.trim() !== '') values[language] = area.value.trim();
    }
    return values;
  }

  function draft(): Draft {
    return {
      ...(editing && { id: editing.id }),
      text: currentValues('text'),
      helpText: currentValues('help'),
      helpURL: helpURL.value.trim(),
      bases: bases.selected(),
      ...(startsAt.value && { startsAt: fromLocalInput(startsAt.value) }),
      ...(displayUntil.value && { displayUntil: fromLocalInput(displayUntil.value) }),
      severity,
    };
  }
  const preview = createLivePreview(ctx, draft, () => languages);
  const schedulePreview = preview.schedule;

  function fillFrom(message: Message | undefined) {
    const text = message?.text ?? {};
    const help = message?.helpText ?? {};
    languages = [...new Set([...DEFAULT_LANGUAGES, ...Object.keys(text), ...Object.keys(help)])];
    renderLanguages({ text, help });
    bases.render(message?.bases ?? ['*']);
    setSeverity(message?.severity ?? 'maintenance');
    startsAt.value = message ? toLocalInput(message.startsAt) : '';
    displayUntil.value = message
      ? toLocalInput(message.displayUntil)
      : toLocalInput(roundedFromNow(60).toISOString());
    helpURL.value = message?.helpURL ?? '';
    loadedTimes = message
      ? { startsAt: startsAt.value, displayUntil: displayUntil.value }
      : { startsAt: '', displayUntil: '' };
    (byId('help-overrides') as HTMLDetailsElement).open = Boolean(message?.helpURL || message?.helpText);
  }

  function applyTemplate(template: MessageTemplate) {
    const phone = byId<HTMLInputElement>('template-phone').value.trim();
    const values = { text: currentValues('text'), help: currentValues('help') };
    for (const [language, parts] of Object.entries(template.text)) {
      values.text[language] = phone
        ? `${parts.main} ${parts.contact.replaceAll('{phone}', phone)}`
        : parts.main;
    }
    languages = [...new Set([...languages, ...Object.keys(template.text)])];
    renderLanguages(values);
    setSeverity(template.severity);
    displayUntil.value = toLocalInput(roundedFromNow(template.durationMinutes).toISOString());
    setText(formError, '');
    schedulePreview();
  }

  function open(loaded?: LoadedMessage) {
    editing = loaded ? { id: loaded.message.id, etag: loaded.etag } : undefined;
    byId('editor-title').textContent = loaded ? 'Edit message' : 'New message';
    conflict.hidden = true;
    setText(formError, '');
    fillFrom(loaded?.message);
    byId('view-messages').hidden = true;
    section.hidden = false;
    byId<HTMLButtonElement>(loaded ? 'save-message' : 'template-phone').focus();
    schedulePreview();
  }

  function close(notice: string) {
    section.hidden = true;
    byId('view-messages').hidden = false;
    editing = undefined;
    onDone(notice);
  }

  function payload(current: Draft, forPatch: boolean): Record<string, unknown> {
    const hasHelp = Object.keys(current.helpText).length > 0;
    return {
      text: current.text,
      bases: current.bases,
      severity: current.severity,
      ...(current.displayUntil &&
        !(forPatch && displayUntil.value === loadedTimes.displayUntil) && {
          displayUntil: current.displayUntil,
        }),
      ...(current.startsAt &&
        !(forPatch && startsAt.value === loadedTimes.startsAt) && { startsAt: current.startsAt }),
      ...(hasHelp ? { helpText: current.helpText } : forPatch ? { helpText: null } : {}),
      ...(current.helpURL ? { helpURL: current.helpURL } : forPatch ? { helpURL: null } : {}),
    };
  }

  async function save() {
    const current = draft();
    setText(formError, '');
    if (Object.keys(current.text).length === 0) {
      setText(formError, 'Write the message text in at least one language (or start from a template).');
      return;
    }
    if (!current.displayUntil) {
      setText(formError, 'Set "Display until": when should users stop seeing this message?');
      return;
    }
    const answer = editing
      ? await ctx.request('PATCH', `/api/admin/messages/${encodeURIComponent(editing.id)}`, {
          body: payload(current, true),
          ifMatch: editing.etag,
        })
      : await ctx.request('POST', '/api/admin/messages', { body: payload(current, false) });
    if (answer.status === 200 || answer.status === 201) {
      const saved = answer.data as Message & { warnings?: MessageLintWarning[] };
      const hints = saved.warnings?.length
        ? ` ${saved.warnings.length} lint hint(s) remain; edit it to polish.`
        : '';
      close(
        `Saved. Users see it from ${formatLocal(saved.startsAt)} until ${formatLocal(saved.displayUntil)}.${hints}`,
      );
      return;
    }
    if (answer.status === 412) {
      const data = answer.data as {
        changedBy?: string;
        changedAt?: string;
        current?: Message;
        etag?: string;
      };
      theirs = data.current ? { message: data.current, etag: data.etag ?? answer.etag } : undefined;
      byId('conflict-text').textContent =
        `${data.changedBy ?? 'Another administrator'} changed this message at ${data.changedAt ? formatLocal(data.changedAt) : 'an unknown time'}, ` +
        'after you opened it. Your changes are not saved. Load their version to see it, or keep editing yours and save again to replace theirs.';
      conflict.hidden = false;
      byId('conflict-reload').focus();
      return;
    }
    if (answer.status === 404) {
      setText(formError, problemText(answer.data, 'This message no longer exists; someone deleted it.'));
      return;
    }
    setText(
      formError,
      problemText(answer.data, `Not saved (HTTP ${answer.status}). Your text is still here; try again.`),
    );
  }

  for (const template of ctx.templates) {
    const button = el(
      'button',
      { type: 'button', class: 'template', 'data-template': template.id },
      template.title.en,
    );
    button.addEventListener('click', () => applyTemplate(template));
    byId('template-buttons').append(button);
  }
  for (const button of form.querySelectorAll<HTMLButtonElement>('button.severity')) {
    button.addEventListener('click', () => {
      setSeverity((button.dataset.severity as Severity | undefined) ?? 'maintenance');
      schedulePreview();
    });
  }
  for (const button of form.querySelectorAll<HTMLButtonElement>('button.until-plus')) {
    button.addEventListener('click', () => {
      displayUntil.value = toLocalInput(roundedFromNow(Number(button.dataset.minutes)).toISOString());
      schedulePreview();
    });
  }
  byId('add-language').addEventListener('click', () => {
    const input = byId<HTMLInputElement>('new-language');
    const tag = input.value.trim();
    if (!LANGUAGE_TAG.test(tag)) {
      setText(formError, `"${tag}" is not a language tag; use a short code such as de, uk or pt-BR.`);
      return;
    }
    const values = { text: currentValues('text'), help: currentValues('help') };
    if (!languages.includes(tag)) languages = [...languages, tag];
    renderLanguages(values);
    input.value = '';
    document.getElementById(`text-${tag}`)?.focus();
  });
  byId('zone-note').textContent =
    `Times are in your time zone: ${localZoneLabel()}. Users see them in ${ctx.settings.timeZone}, in their language.`;
  form.addEventListener('input', schedulePreview);
  form.addEventListener('change', schedulePreview);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  byId('cancel-edit').addEventListener('click', () => close(''));
  byId('conflict-reload').addEventListener('click', () => {
    if (theirs) open(theirs);
  });
  byId('conflict-dismiss').addEventListener('click', () => {
    if (editing && theirs) editing.etag = theirs.etag;
    conflict.hidden = true;
    byId('save-message').focus();
  });

  return { open };
}
