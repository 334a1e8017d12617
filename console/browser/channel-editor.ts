import type { Channel, ChannelEvent } from '../../contract/channel.ts';
import { PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import { createBasePicker } from './base-picker.ts';
import { type ChannelForm, channelBody, emptyChannelForm, formFromChannel } from './channel-form.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { fieldLabel, markFields } from './field-marks.ts';
import { saveResource } from './resource-save.ts';
import { languageLabel, setWord } from './static-texts.ts';

/** Form fields that are plain text inputs, by their state key. */
const TEXT_INPUTS = {
  name: 'channel-name',
  chatId: 'channel-chat-id',
  tokenEnv: 'channel-token-env',
  apiBase: 'channel-api-base',
  to: 'channel-to',
  from: 'channel-from',
  smtpHost: 'channel-smtp-host',
  smtpPort: 'channel-smtp-port',
  smtpUser: 'channel-smtp-user',
  passwordEnv: 'channel-password-env',
  url: 'channel-url',
  secretEnv: 'channel-secret-env',
} as const;

const KINDS = ['telegram', 'email', 'webhook'] as const;
const NOTES = {
  telegram: 'secretNoteTelegram',
  email: 'secretNoteEmail',
  webhook: 'secretNoteWebhook',
} as const;

export interface ChannelEditor {
  open(channel?: Channel, etag?: string): void;
  relabel(): void;
}

/** The notification channel form bound to the page (channel-form.ts holds the state). */
export function createChannelEditor(ctx: ConsoleContext, onDone: (notice: string) => void): ChannelEditor {
  const form = byId('channel-form');
  let state: ChannelForm = emptyChannelForm();
  const bases = createBasePicker(ctx, byId('channel-bases'), 'channel-base', (chosen) => {
    state = { ...state, bases: chosen };
  });

  /** Only the chosen kind's fields show; the note says where that kind's secret lives instead. */
  function renderKind() {
    for (const kind of KINDS) {
      byId(`channel-kind-${kind}`).checked = state.kind === kind;
      byId(`channel-${kind}`).hidden = state.kind !== kind;
    }
    setWord(byId('channel-secret-note'), ctx.texts, NOTES[state.kind]);
  }

  function render() {
    for (const [field, input] of Object.entries(TEXT_INPUTS)) {
      byId(input).value = state[field as keyof typeof TEXT_INPUTS];
    }
    byId('channel-smtp-security').value = state.smtpSecurity;
    const languages = [...new Set([...PAGE_LANGUAGES, ...(state.language ? [state.language] : [])])];
    byId('channel-language').replaceChildren(
      el(
        'option',
        { value: '' },
        ctx.texts.languagesDefault(languageLabel(ctx.settings.defaultLanguage, ctx.language)),
      ),
      ...languages.map((language) =>
        el('option', { value: language }, languageLabel(language, ctx.language)),
      ),
    );
    byId('channel-language').value = state.language;
    for (const box of byId('channel-events').querySelectorAll<HTMLInputElement>('input.event-choice')) {
      box.checked = state.events.includes(box.value as ChannelEvent);
    }
    byId('channel-enabled').checked = state.enabled;
    bases.render(state.bases);
    renderKind();
  }

  function close(notice: string) {
    form.hidden = true;
    byId('channels-list').hidden = false;
    onDone(notice);
  }

  async function save() {
    setText(byId('channel-error'), '');
    const built = channelBody(state);
    if (!built.ok) {
      // A secret typed where its variable's name belongs is not sent, and not repeated on screen.
      const fields = 'secretFields' in built ? built.secretFields : [];
      const text =
        fields.length > 0
          ? fields.map((field) => ctx.texts.notAVariableName(fieldLabel(form, field) ?? field)).join(' ')
          : ctx.texts.needEventChoice;
      setText(byId('channel-error'), text);
      return markFields(form, fields.length > 0 ? fields : ['events'], 'channel-error');
    }
    const editing = state.editing;
    const answer = await saveResource(
      ctx,
      editing
        ? {
            method: 'PUT',
            path: `/api/admin/channels/${encodeURIComponent(editing.id)}`,
            body: built.body,
            etag: editing.etag,
          }
        : { method: 'POST', path: '/api/admin/channels', body: built.body },
      (path) => fieldLabel(form, path),
    );
    if (answer.kind === 'saved') {
      markFields(form, [], 'channel-error');
      return close(ctx.texts.savedItem);
    }
    setText(byId('channel-error'), answer.text);
    if (answer.kind === 'conflict' && editing)
      state = { ...state, editing: { ...editing, etag: answer.etag } };
    markFields(
      form,
      answer.kind === 'refused' ? answer.problems.map((problem) => problem.path) : [],
      'channel-error',
    );
  }

  for (const [field, input] of Object.entries(TEXT_INPUTS)) {
    byId(input).addEventListener('input', (event) => {
      state = { ...state, [field]: (event.target as HTMLInputElement).value };
    });
  }
  for (const kind of KINDS) {
    byId(`channel-kind-${kind}`).addEventListener('change', () => {
      state = { ...state, kind };
      renderKind();
    });
  }
  byId('channel-smtp-security').addEventListener('change', (event) => {
    state = {
      ...state,
      smtpSecurity: (event.target as HTMLSelectElement).value as ChannelForm['smtpSecurity'],
    };
  });
  byId('channel-language').addEventListener('change', (event) => {
    state = { ...state, language: (event.target as HTMLSelectElement).value };
  });
  byId('channel-events').addEventListener('change', () => {
    const boxes = [...byId('channel-events').querySelectorAll<HTMLInputElement>('input.event-choice')];
    state = { ...state, events: boxes.filter((box) => box.checked).map((box) => box.value as ChannelEvent) };
  });
  byId('channel-enabled').addEventListener('change', (event) => {
    state = { ...state, enabled: (event.target as HTMLInputElement).checked };
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  byId('channel-cancel').addEventListener('click', () => close(''));

  return {
    open(channel, etag) {
      state = channel ? formFromChannel(channel, etag) : emptyChannelForm();
      setWord(byId('channel-form-title'), ctx.texts, channel ? 'channelFormEdit' : 'channelFormNew');
      setText(byId('channel-error'), '');
      markFields(form, [], 'channel-error');
      render();
      byId('channels-list').hidden = true;
      form.hidden = false;
      byId('channel-name').focus();
    },
    relabel() {
      if (!form.hidden) render();
    },
  };
}
