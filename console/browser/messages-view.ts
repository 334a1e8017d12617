import type { Message } from '../../contract/message.ts';
import { problemText } from './admin-api.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { formatLocal, isoWithOffset } from './local-time.ts';

export const SEVERITY_LABELS: Record<Message['severity'], string> = {
  outage: 'Outage',
  maintenance: 'Maintenance',
  info: 'Info',
};

export interface MessagesView {
  load(): Promise<void>;
  notice(text: string): void;
}

/** The three lists (shown now, upcoming, past) with their actions. */
export interface LoadedMessage {
  message: Message;
  etag: string | undefined;
}

export function createMessagesView(
  ctx: ConsoleContext,
  openEditor: (loaded?: LoadedMessage) => void,
): MessagesView {
  const notice = byId('list-notice');

  function basesLabel(message: Message): string {
    const bases: readonly string[] = message.bases;
    if (bases.includes('*')) return 'All bases';
    return bases.map((key) => ctx.settings.bases[key]?.name ?? key).join(', ');
  }

  function mainText(message: Message): string {
    const texts = message.text;
    const language =
      texts[ctx.settings.defaultLanguage] !== undefined
        ? ctx.settings.defaultLanguage
        : Object.keys(texts)[0];
    return language ? (texts[language] ?? '') : '';
  }

  /** Fresh ETag first: the list may be older than the message. */
  async function current(id: string): Promise<LoadedMessage | undefined> {
    const answer = await ctx.request('GET', `/api/admin/messages/${encodeURIComponent(id)}`);
    if (answer.status !== 200) {
      setText(notice, problemText(answer.data, 'This message could not be loaded; refresh the list.'));
      return undefined;
    }
    return { message: answer.data as Message, etag: answer.etag };
  }

  async function endNow(id: string): Promise<void> {
    const loaded = await current(id);
    if (!loaded) return;
    const answer = await ctx.request('PATCH', `/api/admin/messages/${encodeURIComponent(id)}`, {
      body: { displayUntil: isoWithOffset(new Date()) },
      ifMatch: loaded.etag,
    });
    setText(
      notice,
      answer.status === 200
        ? 'Ended. Users no longer see this message.'
        : problemText(answer.data, `Could not end the message (HTTP ${answer.status}).`),
    );
    await load();
  }

  async function remove(id: string): Promise<void> {
    if (!window.confirm('Delete this message? It disappears from the status history too.')) return;
    const loaded = await current(id);
    if (!loaded) return;
    const answer = await ctx.request('DELETE', `/api/admin/messages/${encodeURIComponent(id)}`, {
      ifMatch: loaded.etag,
    });
    setText(
      notice,
      answer.status === 204
        ? 'Deleted.'
        : problemText(answer.data, `Could not delete the message (HTTP ${answer.status}).`),
    );
    await load();
  }

  function item(message: Message, state: 'active' | 'upcoming' | 'past'): HTMLLIElement {
    const edit = el('button', { type: 'button', class: 'edit' }, 'Edit');
    edit.addEventListener('click', async () => {
      const loaded = await current(message.id);
      if (loaded) openEditor(loaded);
    });
    const actions = el('div', { class: 'row' }, edit);
    if (state === 'active') {
      const end = el('button', { type: 'button', class: 'end-now danger' }, 'End now');
      end.addEventListener('click', () => void endNow(message.id));
      actions.append(end);
    }
    const del = el('button', { type: 'button', class: 'delete danger' }, 'Delete');
    del.addEventListener('click', () => void remove(message.id));
    actions.append(del);
    const languages = Object.keys(message.text);
    return el(
      'li',
      { class: message.severity, 'data-id': message.id },
      el(
        'div',
        { class: 'meta' },
        el('span', { class: 'badge' }, SEVERITY_LABELS[message.severity]),
        `${basesLabel(message)} · ${formatLocal(message.startsAt)} – ${formatLocal(message.displayUntil)}`,
      ),
      el('p', { class: 'text' }, mainText(message)),
      el(
        'p',
        { class: 'meta' },
        `${languages.join(', ')} · changed by ${message.updatedBy ?? message.createdBy} at ${formatLocal(message.updatedAt)}`,
      ),
      actions,
    );
  }

  function fill(listId: string, messages: Message[], state: 'active' | 'upcoming' | 'past', empty: string) {
    const list = byId(`list-${listId}`);
    list.replaceChildren(
      ...(messages.length > 0 ? messages.map((m) => item(m, state)) : [el('li', { class: 'empty' }, empty)]),
    );
  }

  async function load(): Promise<void> {
    const answer = await ctx.request('GET', '/api/admin/messages');
    if (answer.status !== 200) {
      setText(notice, problemText(answer.data, `Could not load the messages (HTTP ${answer.status}).`));
      return;
    }
    const messages = (answer.data as { messages: Message[] }).messages;
    const now = Date.now();
    const starts = (m: Message) => Date.parse(m.startsAt);
    const ends = (m: Message) => Date.parse(m.displayUntil);
    fill(
      'active',
      messages.filter((m) => starts(m) <= now && now < ends(m)),
      'active',
      'Nothing is shown to users right now.',
    );
    fill(
      'upcoming',
      messages.filter((m) => starts(m) > now).sort((a, b) => starts(a) - starts(b)),
      'upcoming',
      'Nothing planned.',
    );
    fill(
      'past',
      messages.filter((m) => ends(m) <= now).sort((a, b) => ends(b) - ends(a)),
      'past',
      'No past messages.',
    );
  }

  return { load, notice: (text) => setText(notice, text) };
}
