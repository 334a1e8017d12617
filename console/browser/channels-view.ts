import type { Channel, ChannelReadiness, Delivery } from '../../contract/channel.ts';
import { problemText } from './admin-api.ts';
import { createChannelEditor } from './channel-editor.ts';
import { readinessWords } from './channel-readiness.ts';
import { baseName, type ConsoleContext, timesOf } from './console-context.ts';
import { deliveryOutcome, eventWord } from './delivery-outcome.ts';
import { actionButton, byId, el, setText } from './dom.ts';
import { changeItem, fillItems, freshItem, loadItems, wireItemTab } from './item-tab.ts';
import { table } from './log-tables.ts';
import { createPoller } from './poller.ts';
import { languageLabel } from './static-texts.ts';

/** Deliveries change in the background (retries): the tab follows them while it is on screen. */
const REFRESH_MS = 5_000;

type ListedChannel = Channel & { readiness?: ChannelReadiness };

const path = (id: string) => `/api/admin/channels/${encodeURIComponent(id)}`;

function kindWord(ctx: ConsoleContext, kind: Channel['kind']): string {
  return { telegram: ctx.texts.kindTelegram, email: ctx.texts.kindEmail, webhook: ctx.texts.kindWebhook }[
    kind
  ];
}

/** Where a channel sends, naming the variables that hold its secrets — never a secret. */
function targetLine(ctx: ConsoleContext, channel: Channel): string {
  const { texts } = ctx;
  if (channel.kind === 'telegram') return texts.telegramTarget(channel.chatId, channel.tokenEnv);
  if (channel.kind === 'webhook') {
    const signed = channel.secretEnv ? texts.signedWith(channel.secretEnv) : texts.unsigned;
    return `${texts.webhookTarget(channel.url)} · ${signed}`;
  }
  const server = `${channel.smtpHost}${channel.smtpPort ? `:${channel.smtpPort}` : ''}`;
  const password = channel.passwordEnv ? ` · ${texts.passwordFrom(channel.passwordEnv)}` : '';
  return `${texts.emailTarget(channel.to.join(', '), server)}${password}`;
}

function readinessLine(ctx: ConsoleContext, channel: ListedChannel): HTMLElement {
  const { texts } = ctx;
  const words = readinessWords(channel.readiness);
  const text = {
    ready: () => texts.channelReady,
    'email-unavailable': () => texts.emailUnavailable,
    'variable-missing': () => texts.variableMissing('name' in words ? words.name : ''),
    'variable-reserved': () => texts.variableReserved('name' in words ? words.name : ''),
    other: () => texts.cannotSend('problem' in words ? words.problem : ''),
  }[words.kind]();
  return el(
    'p',
    { class: `readiness ${words.kind === 'ready' ? 'ready' : 'not-ready'}`, 'data-readiness': words.kind },
    text,
  );
}

/** The Notifications tab: channels, whether each can send, and the last deliveries with their outcome. */
export function createChannelsView(ctx: ConsoleContext) {
  const _list = byId('channels-list');
  const notice = byId('channels-notice');
  let channels: ListedChannel[] = [];
  let deliveries: Delivery[] = [];
  const editor = createChannelEditor(ctx, (text) => {
    setText(notice, text);
    void load();
  });
  const poller = createPoller(
    () => !byId('view-channels').hidden && byId('channel-form').hidden === true,
    () => load(),
    REFRESH_MS,
  );

  function metaLine(channel: Channel): string {
    const { texts } = ctx;
    const events = channel.events
      ? channel.events.map((event) => eventWord(event, texts)).join(', ')
      : texts.allEvents;
    const bases = (channel.bases ?? ['*']).map((key) => baseName(ctx, key)).join(', ');
    const language = languageLabel(channel.language ?? ctx.settings.defaultLanguage, ctx.language);
    return `${events} · ${bases} · ${language}`;
  }

  function item(channel: ListedChannel): HTMLLIElement {
    const { texts } = ctx;
    const last = deliveries.find((delivery) => delivery.channelId === channel.id);
    const lastOutcome = last && deliveryOutcome(last, texts, timesOf(ctx).at);
    return el(
      'li',
      { class: `item channel${channel.enabled === false ? ' off' : ''}`, 'data-id': channel.id },
      el(
        'div',
        { class: 'head' },
        el('span', { class: 'badge' }, channel.enabled === false ? texts.isOff : kindWord(ctx, channel.kind)),
        el('strong', { class: 'name' }, channel.name),
      ),
      el('p', { class: 'meta target' }, targetLine(ctx, channel)),
      readinessLine(ctx, channel),
      el('p', { class: 'meta' }, metaLine(channel)),
      last && lastOutcome
        ? el(
            'p',
            { class: `last ${lastOutcome.state}` },
            texts.lastDelivery(
              lastOutcome.word.toLocaleLowerCase(ctx.language),
              timesOf(ctx).at(last.createdAt),
            ),
          )
        : null,
      el(
        'div',
        { class: 'row actions' },
        actionButton('test', texts.sendTest, async () => {
          const answer = await ctx.request('POST', `${path(channel.id)}/test`);
          setText(
            notice,
            answer.status === 202
              ? texts.testQueued
              : problemText(answer.data, texts.notChanged(answer.status)),
          );
          await load();
        }),
        actionButton('edit', texts.editItem, async () => {
          const found = await freshItem<Channel>(ctx, 'channel', channel.id);
          if (found) editor.open(found.item, found.etag);
        }),
        actionButton('delete danger', texts.deleteItem, async () => {
          if (!window.confirm(texts.confirmDeleteChannel)) return;
          await changeItem(ctx, 'channel', channel.id, 'DELETE');
          await load();
        }),
      ),
    );
  }

  function deliveriesTable(): HTMLElement {
    const { texts } = ctx;
    const times = timesOf(ctx);
    const names = new Map(channels.map((channel) => [channel.id, channel.name]));
    const rows = deliveries.map((delivery) => {
      const outcome = deliveryOutcome(delivery, texts, times.at);
      return [
        times.at(delivery.createdAt),
        names.get(delivery.channelId) ?? texts.unknownChannel,
        eventWord(delivery.event, texts),
        delivery.subject,
        el(
          'div',
          { class: `outcome ${outcome.state}`, 'data-state': outcome.state, 'data-delivery': delivery.id },
          el('strong', {}, outcome.word),
          outcome.detail ? el('div', { class: 'detail' }, outcome.detail) : null,
        ),
      ];
    });
    return table(
      [texts.colWhen, texts.colChannel, texts.colEvent, texts.colSubject, texts.colOutcome],
      rows,
      texts.noDeliveries,
    );
  }

  function render() {
    fillItems('channel', channels.map(item), ctx.texts.noChannels);
    byId('deliveries-table').replaceChildren(deliveriesTable());
  }

  async function load(): Promise<void> {
    const data = await loadItems(ctx, 'channel');
    poller.kick();
    if (!data) {
      byId('deliveries-table').replaceChildren();
      return;
    }
    ({ channels, deliveries } = data as { channels: ListedChannel[]; deliveries: Delivery[] });
    render();
  }

  return wireItemTab('channel', { openNew: () => editor.open(), load, render, relabelForm: editor.relabel });
}
