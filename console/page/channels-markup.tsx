import { CHANNEL_EVENTS } from '../../contract/channel-events.ts';
import { id } from '../element-ids.ts';
import type { StaticTextKey } from '../texts/console-texts.ts';
import { Field, ItemForm, ItemTab, TextField } from './item-tab-markup.tsx';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

const EVENT_WORDS: Record<(typeof CHANNEL_EVENTS)[number], StaticTextKey> = {
  'message.start': 'eventMessageStart',
  'message.change': 'eventMessageChange',
  'message.end': 'eventMessageEnd',
  'monitor.down': 'eventMonitorDown',
  'monitor.up': 'eventMonitorUp',
};

const KINDS = [
  { kind: 'telegram', key: 'kindTelegram' },
  { kind: 'email', key: 'kindEmail' },
  { kind: 'webhook', key: 'kindWebhook' },
] as const;

function Kinds() {
  return (
    <fieldset>
      <legend {...text('channelKindLegend')} />
      <div class="row">
        {KINDS.map(({ kind, key }) => (
          <label class="row choice">
            <input
              id={id(`channel-kind-${kind}`)}
              type="radio"
              name="channel-kind"
              value={kind}
              checked={kind === 'telegram'}
            />
            <span {...text(key)} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Events() {
  return (
    <fieldset data-path="events">
      <legend {...text('channelEventsLegend')} />
      <div id={id('channel-events')}>
        {CHANNEL_EVENTS.map((event) => (
          <label class="row choice">
            <input type="checkbox" class="event-choice" value={event} checked />
            <span {...text(EVENT_WORDS[event])} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A variable's name is plain text in capitals, never a password box: it holds no secret. */
const secretNote = 'channel-secret-note';

function Telegram() {
  return (
    <div id={id('channel-telegram')}>
      <TextField id="channel-chat-id" k="chatIdLabel" path="chatId" describedBy="chat-id-hint" />
      <p id="chat-id-hint" class="hint" {...text('chatIdHint')} />
      <TextField
        id="channel-token-env"
        k="tokenEnvLabel"
        path="tokenEnv"
        placeholder="TELEGRAM_TOKEN"
        describedBy={secretNote}
        capitals
      />
      <details>
        <summary {...text('apiBaseSummary')} />
        <TextField id="channel-api-base" k="apiBaseLabel" path="apiBase" type="url" />
      </details>
    </div>
  );
}

function Email() {
  return (
    <div id={id('channel-email')} hidden>
      <TextField id="channel-to" k="toLabel" path="to" placeholder="oncall@example.com" />
      <TextField
        id="channel-from"
        k="fromLabel"
        path="from"
        type="email"
        placeholder="startup-help@example.com"
      />
      <div class="number-fields">
        <div>
          <TextField
            id="channel-smtp-host"
            k="smtpHostLabel"
            path="smtpHost"
            placeholder="smtp.example.com"
          />
        </div>
        <div>
          <TextField id="channel-smtp-port" k="smtpPortLabel" path="smtpPort" type="number" />
        </div>
        <Field for="channel-smtp-security" k="smtpSecurityLabel">
          <select id={id('channel-smtp-security')} data-path="smtpSecurity">
            <option value="starttls" {...text('securityStarttls')} />
            <option value="tls" {...text('securityTls')} />
            <option value="none" {...text('securityNone')} />
          </select>
        </Field>
        <div>
          <TextField id="channel-smtp-user" k="smtpUserLabel" path="smtpUser" />
        </div>
      </div>
      <TextField
        id="channel-password-env"
        k="passwordEnvLabel"
        path="passwordEnv"
        placeholder="SMTP_PASSWORD"
        describedBy={secretNote}
        capitals
      />
    </div>
  );
}

function Webhook() {
  return (
    <div id={id('channel-webhook')} hidden>
      <TextField id="channel-url" k="urlLabel" path="url" type="url" placeholder="https://ops.example/hook" />
      <TextField
        id="channel-secret-env"
        k="secretEnvLabel"
        path="secretEnv"
        placeholder="OPS_HOOK_SECRET"
        describedBy={secretNote}
        capitals
      />
    </div>
  );
}

/** The Notifications tab: channels with whether they can send, the last deliveries, and the form. */
export function ChannelsView() {
  return (
    <ItemTab
      kind="channel"
      title="channelsTitle"
      add="newChannel"
      intro="channelsIntro"
      after={
        <>
          <h3 {...text('deliveriesTitle')} />
          <div id={id('deliveries-table')} />
        </>
      }
    >
      <ItemForm kind="channel" title="channelFormNew" enabled="channelEnabledLabel">
        <Kinds />
        <Label for="channel-name" k="channelNameLabel" />
        <input id={id('channel-name')} type="text" maxlength={100} required data-path="name" />
        <Telegram />
        <Email />
        <Webhook />
        <div id={id('channel-secret-note')} class="secret-note" />
        <Label for="channel-language" k="channelLanguageLabel" />
        <select id={id('channel-language')} data-path="language" />
        <Events />
        <fieldset>
          <legend {...text('channelBasesLegend')} />
          <div id={id('channel-bases')} class="row" data-path="bases" />
        </fieldset>
      </ItemForm>
    </ItemTab>
  );
}
