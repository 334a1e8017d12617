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

/** The editor's state and the parts drawn from it. */
interface Editor {
  readonly ctx: ConsoleContext;
  form: MessageForm;
  /** Their version of the message, after a save found that someone else saved first. */
  theirs?: LoadedMessage | undefined;
  /** A change to the form: the previews follow a moment later. */
  update(next: MessageForm): void;
  render(): void;
  close(notice: string): void;
}

/** Draws the whole form from the state. */
function render(editor: Editor, bases: ReturnType<typeof createBaseChoices>): void {
  const { ctx, form } = editor;
  const onText = (kind: TextKind, language: string, value: string) =>
    editor.update(
      kind === 'text'
        ? { ...editor.form, text: { ...editor.form.text, [language]: value } }
        : { ...editor.form, help: { ...editor.form.help, [language]: value } },
    );
  renderLanguageAreas(ctx, form, onText);
  bases.render(form.bases);
  renderSeverity(form);
  renderTimes(ctx, form);
  byId('help-url').value = form.helpURL;
  setText(byId('form-error'), '');
}

function renderTemplates(editor: Editor): void {
  const { ctx } = editor;
  byId('template-buttons').replaceChildren(
    ...ctx.templates.map((template) => {
      const button = el(
        'button',
        { type: 'button', class: 'template', 'data-template': template.id },
        template.title[ctx.language],
      );
      button.addEventListener('click', () => {
        editor.update(withTemplate(editor.form, template, byId('template-phone').value, Date.now()));
        editor.render();
      });
      return button;
    }),
  );
}

function open(editor: Editor, loaded: LoadedMessage | undefined): void {
  editor.form = loaded ? formFromMessage(loaded.message, loaded.etag) : emptyForm(Date.now());
  setWord(byId('editor-title'), editor.ctx.texts, loaded ? 'editorEdit' : 'editorNew');
  byId('conflict').hidden = true;
  editor.render();
  byId('help-overrides').open = Boolean(loaded?.message.helpURL || loaded?.message.helpText);
  byId('view-messages').hidden = true;
  byId('editor').hidden = false;
  (loaded ? byId('save-message') : byId('template-phone')).focus();
  editor.update(editor.form);
}

async function save(editor: Editor): Promise<void> {
  setText(byId('form-error'), '');
  const outcome = await saveMessage(editor.ctx, editor.form);
  if (outcome.kind === 'saved') return editor.close(outcome.notice);
  if (outcome.kind === 'refused') return setText(byId('form-error'), outcome.text);
  editor.theirs = outcome.theirs;
  byId('conflict-text').textContent = outcome.text;
  byId('conflict').hidden = false;
  byId('conflict-reload').focus();
}

/** What each control of the form does to the state. */
function actions(editor: Editor): EditorActions {
  const { ctx } = editor;
  return {
    save: () => save(editor),
    cancel: () => editor.close(''),
    severity: (severity) => editor.update({ ...editor.form, severity }),
    untilFromNow(minutes) {
      editor.update(withUntilFromNow(editor.form, minutes, Date.now()));
      renderTimes(ctx, editor.form);
    },
    addLanguage(tag) {
      const next = withLanguage(editor.form, tag);
      if (!next) return setText(byId('form-error'), ctx.texts.notATag(tag.trim()));
      editor.update(next);
      editor.render();
      document.getElementById(`text-${tag.trim()}`)?.focus();
    },
    time: (field, value) =>
      editor.update({ ...editor.form, [field]: value ? (timesOf(ctx).fromInput(value) ?? '') : '' }),
    helpURL: (value) => editor.update({ ...editor.form, helpURL: value }),
    reload: () => editor.theirs && open(editor, editor.theirs),
    keepMine() {
      const { form, theirs } = editor;
      if (form.editing && theirs) editor.form = { ...form, editing: { ...form.editing, etag: theirs.etag } };
      byId('conflict').hidden = true;
      byId('save-message').focus();
    },
  };
}

/**
 * The message form bound to the page: every input changes the form state (message-form.ts, pure),
 * and the page is drawn from that state. Templates, languages, live lint and previews, save with
 * conflict handling.
 */
export function createMessageEditor(ctx: ConsoleContext, onDone: (notice: string) => void): MessageEditor {
  const preview = createLivePreview(ctx, () => draftOf(editor.form));
  const editor: Editor = {
    ctx,
    form: emptyForm(Date.now()),
    update(next) {
      editor.form = next;
      preview.schedule();
    },
    render: () => render(editor, bases),
    close(notice) {
      byId('editor').hidden = true;
      byId('view-messages').hidden = false;
      onDone(notice);
    },
  };
  const bases = createBaseChoices(ctx, (chosen) => editor.update({ ...editor.form, bases: chosen }));
  wireEditor(actions(editor));
  renderTemplates(editor);
  return {
    open: (loaded) => open(editor, loaded),
    relabel() {
      renderTemplates(editor);
      if (byId('editor').hidden) return;
      editor.render();
      preview.schedule();
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

const typed = (event: Event) => (event.target as HTMLInputElement).value;

/** The form's controls, each to its action; typing in the pickers and fields only updates the state. */
function wireEditor(act: EditorActions): void {
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
  byId('starts-at').addEventListener('input', (event) => act.time('startsAt', typed(event)));
  byId('display-until').addEventListener('input', (event) => act.time('displayUntil', typed(event)));
  byId('help-url').addEventListener('input', (event) => act.helpURL(typed(event)));
  byId('message-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void act.save();
  });
  byId('cancel-edit').addEventListener('click', act.cancel);
  byId('conflict-reload').addEventListener('click', act.reload);
  byId('conflict-dismiss').addEventListener('click', act.keepMine);
}
