import { FORM_EVENTS } from '../browser/channel-form.ts';
import { id } from '../element-ids.ts';
import type { StaticTextKey } from '../texts/console-texts.ts';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

const EVENT_WORDS: Record<(typeof FORM_EVENTS)[number], StaticTextKey> = {
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

/** A field for a variable's name: plain text in capitals, never a password box (it holds no secret). */
function VariableName(props: {
  id: 'channel-token-env' | 'channel-password-env' | 'channel-secret-env';
  path: string;
  k: StaticTextKey;
  placeholder: string;
}) {
  return (
    <>
      <Label for={props.id} k={props.k} />
      <input
        id={id(props.id)}
        type="text"
        spellcheck={false}
        autocomplete="off"
        autocapitalize="characters"
        placeholder={props.placeholder}
        data-path={props.path}
        aria-describedby="channel-secret-note"
      />
    </>
  );
}

function Telegram() {
  return (
    <div id={id('channel-telegram')}>
      <Label for="channel-chat-id" k="chatIdLabel" />
      <input
        id={id('channel-chat-id')}
        type="text"
        spellcheck={false}
        data-path="chatId"
        aria-describedby="chat-id-hint"
      />
      <p id="chat-id-hint" class="hint" {...text('chatIdHint')} />
      <VariableName id="channel-token-env" path="tokenEnv" k="tokenEnvLabel" placeholder="TELEGRAM_TOKEN" />
      <details>
        <summary {...text('apiBaseSummary')} />
        <Label for="channel-api-base" k="apiBaseLabel" />
        <input id={id('channel-api-base')} type="url" spellcheck={false} data-path="apiBase" />
      </details>
    </div>
  );
}

function Email() {
  return (
    <div id={id('channel-email')} hidden>
      <Label for="channel-to" k="toLabel" />
      <input
        id={id('channel-to')}
        type="text"
        spellcheck={false}
        data-path="to"
        placeholder="oncall@example.com"
      />
      <Label for="channel-from" k="fromLabel" />
      <input
        id={id('channel-from')}
        type="email"
        spellcheck={false}
        data-path="from"
        placeholder="startup-help@example.com"
      />
      <div class="number-fields">
        <div>
          <Label for="channel-smtp-host" k="smtpHostLabel" />
          <input
            id={id('channel-smtp-host')}
            type="text"
            spellcheck={false}
            data-path="smtpHost"
            placeholder="smtp.example.com"
          />
        </div>
        <div>
          <Label for="channel-smtp-port" k="smtpPortLabel" />
          <input
            id={id('channel-smtp-port')}
            type="number"
            min="1"
            max="65535"
            inputmode="numeric"
            data-path="smtpPort"
          />
        </div>
        <div>
          <Label for="channel-smtp-security" k="smtpSecurityLabel" />
          <select id={id('channel-smtp-security')} data-path="smtpSecurity">
            <option value="starttls" {...text('securityStarttls')} />
            <option value="tls" {...text('securityTls')} />
            <option value="none" {...text('securityNone')} />
          </select>
        </div>
        <div>
          <Label for="channel-smtp-user" k="smtpUserLabel" />
          <input
            id={id('channel-smtp-user')}
            type="text"
            spellcheck={false}
            autocomplete="off"
            data-path="smtpUser"
          />
        </div>
      </div>
      <VariableName
        id="channel-password-env"
        path="passwordEnv"
        k="passwordEnvLabel"
        placeholder="SMTP_PASSWORD"
      />
    </div>
  );
}

function Webhook() {
  return (
    <div id={id('channel-webhook')} hidden>
      <Label for="channel-url" k="urlLabel" />
      <input
        id={id('channel-url')}
        type="url"
        spellcheck={false}
        data-path="url"
        placeholder="https://ops.example/hook"
      />
      <VariableName
        id="channel-secret-env"
        path="secretEnv"
        k="secretEnvLabel"
        placeholder="OPS_HOOK_SECRET"
      />
    </div>
  );
}

function ChannelForm() {
  return (
    <form id={id('channel-form')} class="card" novalidate hidden>
      <h3 id={id('channel-form-title')} {...text('channelFormNew')} />
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
      <Label for="channel-name" k="channelNameLabel" />
      <input id={id('channel-name')} type="text" maxlength={100} required data-path="name" />
      <Telegram />
      <Email />
      <Webhook />
      <div id={id('channel-secret-note')} class="secret-note" />
      <Label for="channel-language" k="channelLanguageLabel" />
      <select id={id('channel-language')} data-path="language" />
      <fieldset data-path="events">
        <legend {...text('channelEventsLegend')} />
        <div id={id('channel-events')}>
          {FORM_EVENTS.map((event) => (
            <label class="row choice">
              <input type="checkbox" class="event-choice" value={event} checked />
              <span {...text(EVENT_WORDS[event])} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend {...text('channelBasesLegend')} />
        <div id={id('channel-bases')} class="row" data-path="bases" />
      </fieldset>
      <label class="row choice">
        <input id={id('channel-enabled')} type="checkbox" checked />
        <span {...text('channelEnabledLabel')} />
      </label>
      <p id={id('channel-error')} class="error" role="alert" />
      <div class="row">
        <button id={id('channel-save')} type="submit" class="primary" {...text('save')} />
        <button id={id('channel-cancel')} type="button" {...text('cancel')} />
      </div>
    </form>
  );
}

/** The Notifications tab: channels with whether they can send, the last deliveries, and the form. */
export function ChannelsView() {
  return (
    <section id={id('view-channels')} aria-labelledby="channels-title" hidden>
      <div class="row">
        <h2 id="channels-title" {...text('channelsTitle')} />
        <button id={id('new-channel')} type="button" class="primary" {...text('newChannel')} />
        <button id={id('reload-channels')} type="button" {...text('refresh')} />
      </div>
      <p class="hint intro" {...text('channelsIntro')} />
      <p id={id('channels-notice')} class="notice" role="status" hidden />
      <ChannelForm />
      <ul id={id('channels-list')} class="items" />
      <h3 {...text('deliveriesTitle')} />
      <div id={id('deliveries-table')} />
    </section>
  );
}
