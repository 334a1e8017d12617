import type { Severity } from '../../contract/message.ts';
import { createBaseChoices } from './base-choices.ts';
import { type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { renderLanguageAreas, renderSeverity, renderTimes, type TextKind } from './editor-fields.ts';
import { saveMessage } from './editor-save.ts';
import { createLivePreview } from './live-preview.ts';
import {
  draftOf,
  emptyForm,
  formFromMessage,
  type MessageForm,
  withLanguage,
  withTemplate,
  withUntilFromNow,
} from './message-form.ts';
import type { LoadedMessage } from './messages-view.ts';
import { setWord } from './static-texts.ts';

export interface MessageEditor {
  open(loaded?: LoadedMessage): void;
  /** Shows the open form again in the console's current language and clock. */
  relabel(): void;
}

/**
 * The message form bound to the page: every input changes the form state (message-form.ts, pure),
 * and the page is drawn from that state. Templates, languages, live lint and previews, save with
 * conflict handling.
 */
export function createMessageEditor(ctx: ConsoleContext, onDone: (notice: string) => void): MessageEditor {
  let form: MessageForm = emptyForm(Date.now());
  let theirs: LoadedMessage | undefined;
  const preview = createLivePreview(ctx, () => draftOf(form));
  const update = (next: MessageForm) => {
    form = next;
    preview.schedule();
  };
  const bases = createBaseChoices(ctx, (chosen) => update({ ...form, bases: chosen }));
  const onText = (kind: TextKind, language: string, value: string) =>
    update(
      kind === 'text'
        ? { ...form, text: { ...form.text, [language]: value } }
        : { ...form, help: { ...form.help, [language]: value } },
    );

  function renderTemplates() {
    byId('template-buttons').replaceChildren(
      ...ctx.templates.map((template) => {
        const button = el(
          'button',
          { type: 'button', class: 'template', 'data-template': template.id },
          template.title[ctx.language],
        );
        button.addEventListener('click', () => {
          update(withTemplate(form, template, byId('template-phone').value, Date.now()));
          render();
        });
        return button;
      }),
    );
  }

  /** Draws the whole form from the state. */
  function render() {
    renderLanguageAreas(ctx, form, onText);
    bases.render(form.bases);
    renderSeverity(form);
    renderTimes(ctx, form);
    byId('help-url').value = form.helpURL;
    setText(byId('form-error'), '');
  }

  function open(loaded?: LoadedMessage) {
    form = loaded ? formFromMessage(loaded.message, loaded.etag) : emptyForm(Date.now());
    setWord(byId('editor-title'), ctx.texts, loaded ? 'editorEdit' : 'editorNew');
    byId('conflict').hidden = true;
    render();
    byId('help-overrides').open = Boolean(loaded?.message.helpURL || loaded?.message.helpText);
    byId('view-messages').hidden = true;
    byId('editor').hidden = false;
    (loaded ? byId('save-message') : byId('template-phone')).focus();
    preview.schedule();
  }

  function close(notice: string) {
    byId('editor').hidden = true;
    byId('view-messages').hidden = false;
    onDone(notice);
  }

  async function save() {
    setText(byId('form-error'), '');
    const outcome = await saveMessage(ctx, form);
    if (outcome.kind === 'saved') return close(outcome.notice);
    if (outcome.kind === 'refused') return setText(byId('form-error'), outcome.text);
    theirs = outcome.theirs;
    byId('conflict-text').textContent = outcome.text;
    byId('conflict').hidden = false;
    byId('conflict-reload').focus();
  }

  wireEditor(ctx, {
    save,
    cancel: () => close(''),
    severity: (severity) => update({ ...form, severity }),
    untilFromNow(minutes) {
      update(withUntilFromNow(form, minutes, Date.now()));
      renderTimes(ctx, form);
    },
    addLanguage(tag) {
      const next = withLanguage(form, tag);
      if (!next) return setText(byId('form-error'), ctx.texts.notATag(tag.trim()));
      update(next);
      render();
      document.getElementById(`text-${tag.trim()}`)?.focus();
    },
    time: (field, value) => update({ ...form, [field]: value ? (timesOf(ctx).fromInput(value) ?? '') : '' }),
    helpURL: (value) => update({ ...form, helpURL: value }),
    reload: () => theirs && open(theirs),
    keepMine() {
      if (form.editing && theirs) form = { ...form, editing: { ...form.editing, etag: theirs.etag } };
      byId('conflict').hidden = true;
      byId('save-message').focus();
    },
  });
  renderTemplates();

  return {
    open,
    relabel() {
      renderTemplates();
      if (!byId('editor').hidden) {
        render();
        preview.schedule();
      }
    },
  };
}

interface EditorActions {
  save(): Promise<void>;
  cancel(): void;
  severity(severity: Severity): void;
  untilFromNow(minutes: number): void;
  addLanguage(tag: string): void;
  time(field: 'startsAt' | 'displayUntil', value: string): void;
  helpURL(value: string): void;
  reload(): void;
  keepMine(): void;
}

/** The form's controls, each to its action; typing in the pickers and fields only updates the state. */
function wireEditor(_ctx: ConsoleContext, act: EditorActions): void {
  byId('severities').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.severity');
    if (!button) return;
    act.severity((button.dataset.severity as Severity | undefined) ?? 'maintenance');
    for (const other of byId('severities').querySelectorAll('button.severity')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
  byId('until-buttons').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.until-plus');
    if (button) act.untilFromNow(Number(button.dataset.minutes));
  });
  byId('add-language').addEventListener('click', () => {
    const input = byId('new-language');
    act.addLanguage(input.value);
    if (!byId('form-error').textContent) input.value = '';
  });
  byId('starts-at').addEventListener('input', (event) =>
    act.time('startsAt', (event.target as HTMLInputElement).value),
  );
  byId('display-until').addEventListener('input', (event) =>
    act.time('displayUntil', (event.target as HTMLInputElement).value),
  );
  byId('help-url').addEventListener('input', (event) =>
    act.helpURL((event.target as HTMLInputElement).value),
  );
  byId('message-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void act.save();
  });
  byId('cancel-edit').addEventListener('click', act.cancel);
  byId('conflict-reload').addEventListener('click', act.reload);
  byId('conflict-dismiss').addEventListener('click', act.keepMine);
}
