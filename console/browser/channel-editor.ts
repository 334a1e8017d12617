import type { Channel, ChannelEvent } from '../../contract/channel.ts';
import { PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import { createBasePicker } from './base-picker.ts';
import { type ChannelForm, channelBody, emptyChannelForm, formFromChannel } from './channel-form.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el } from './dom.ts';
import { createFormShell } from './item-tab.ts';
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

  async function save() {
    const built = channelBody(state);
    if (built.ok) {
      return shell.send(built.body, state.editing, 'PUT', (etag) => {
        if (state.editing) state = { ...state, editing: { ...state.editing, etag } };
      });
    }
    // A secret typed where its variable's name belongs is not sent, and not repeated on screen.
    const fields = 'secretFields' in built ? built.secretFields : [];
    const text =
      fields.length > 0
        ? fields.map((field) => ctx.texts.notAVariableName(shell.labelOf(field) ?? field)).join(' ')
        : ctx.texts.needEventChoice;
    shell.refuse(text, fields.length > 0 ? fields : ['events']);
  }
  const shell = createFormShell(ctx, 'channel', { render, save, firstField: byId('channel-name'), onDone });

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
  return {
    open(channel, etag) {
      state = channel ? formFromChannel(channel, etag) : emptyChannelForm();
      shell.open(channel ? 'channelFormEdit' : 'channelFormNew');
    },
    relabel() {
      if (shell.isOpen()) render();
    },
  };
}
