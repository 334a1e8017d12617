import type { Channel, ChannelEvent } from '../../contract/channel.ts';
import { CHANNEL_EVENTS } from '../../contract/channel-events.ts';

/**
 * The notification channel form's state without a DOM. Every kind's fields are kept, so switching
 * between Telegram, e-mail and webhook loses nothing typed; only the chosen kind's are sent. Secrets
 * are never here: the form holds only the names of the variables that hold them.
 */
export interface ChannelForm {
  readonly editing?: { readonly id: string; readonly etag: string | undefined };
  readonly kind: Channel['kind'];
  readonly name: string;
  /** '' = the settings' default language. */
  readonly language: string;
  readonly events: readonly ChannelEvent[];
  readonly bases: readonly string[];
  readonly enabled: boolean;
  readonly chatId: string;
  readonly tokenEnv: string;
  readonly apiBase: string;
  readonly to: string;
  readonly from: string;
  readonly smtpHost: string;
  readonly smtpPort: string;
  readonly smtpSecurity: 'starttls' | 'tls' | 'none';
  readonly smtpUser: string;
  readonly passwordEnv: string;
  readonly url: string;
  readonly secretEnv: string;
}

/** The fields that name a variable holding a secret. */
export type SecretField = 'tokenEnv' | 'passwordEnv' | 'secretEnv';

/** A variable's name as the service takes it: capitals, digits and "_" (contract/channel.ts `EnvName`). */
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;

export function emptyChannelForm(): ChannelForm {
  return {
    kind: 'telegram',
    name: '',
    language: '',
    events: [...CHANNEL_EVENTS],
    bases: ['*'],
    enabled: true,
    chatId: '',
    tokenEnv: 'TELEGRAM_TOKEN',
    apiBase: '',
    to: '',
    from: '',
    smtpHost: '',
    smtpPort: '',
    smtpSecurity: 'starttls',
    smtpUser: '',
    passwordEnv: '',
    url: '',
    secretEnv: '',
  };
}

export function formFromChannel(channel: Channel, etag: string | undefined): ChannelForm {
  const form: ChannelForm = {
    ...emptyChannelForm(),
    editing: { id: channel.id, etag },
    kind: channel.kind,
    name: channel.name,
    language: channel.language ?? '',
    events: channel.events ? [...channel.events] : [...CHANNEL_EVENTS],
    bases: channel.bases ? [...channel.bases] : ['*'],
    enabled: channel.enabled ?? true,
    tokenEnv: '',
  };
  if (channel.kind === 'telegram') {
    return { ...form, chatId: channel.chatId, tokenEnv: channel.tokenEnv, apiBase: channel.apiBase ?? '' };
  }
  if (channel.kind === 'email') {
    return {
      ...form,
      to: channel.to.join(', '),
      from: channel.from,
      smtpHost: channel.smtpHost,
      smtpPort: channel.smtpPort === undefined ? '' : String(channel.smtpPort),
      smtpSecurity: channel.smtpSecurity ?? 'starttls',
      smtpUser: channel.smtpUser ?? '',
      passwordEnv: channel.passwordEnv ?? '',
    };
  }
  return { ...form, url: channel.url, secretEnv: channel.secretEnv ?? '' };
}

/** The non-empty trimmed values of `fields`, by name. */
function present(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

function kindFields(form: ChannelForm): Record<string, unknown> {
  if (form.kind === 'telegram') {
    return {
      chatId: form.chatId.trim(),
      tokenEnv: form.tokenEnv.trim(),
      ...present({ apiBase: form.apiBase }),
    };
  }
  if (form.kind === 'webhook') return { url: form.url.trim(), ...present({ secretEnv: form.secretEnv }) };
  const port = form.smtpPort.trim();
  return {
    to: form.to
      .split(/[,;\s]+/)
      .map((address) => address.trim())
      .filter(Boolean),
    from: form.from.trim(),
    smtpHost: form.smtpHost.trim(),
    ...(port !== '' && { smtpPort: Number(port) }),
    smtpSecurity: form.smtpSecurity,
    ...present({ smtpUser: form.smtpUser, passwordEnv: form.passwordEnv }),
  };
}

/** The secret fields of the chosen kind that hold something other than a variable's name. */
export function secretsTyped(form: ChannelForm): SecretField[] {
  const fields: Record<ChannelForm['kind'], readonly SecretField[]> = {
    telegram: ['tokenEnv'],
    email: ['passwordEnv'],
    webhook: ['secretEnv'],
  };
  return fields[form.kind].filter((field) => {
    const value = form[field].trim();
    // The token is required and checked like the others; an empty optional name is fine.
    return (value !== '' || field === 'tokenEnv') && !VARIABLE_NAME.test(value);
  });
}

export type ChannelBody =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly secretFields: readonly SecretField[] }
  | { readonly ok: false; readonly noEvents: true };

/**
 * The body POST and PUT take (a channel is replaced whole). A field meant for a variable's name that
 * holds anything else may be the secret itself: it is never sent, and never shown back.
 */
export function channelBody(form: ChannelForm): ChannelBody {
  const secretFields = secretsTyped(form);
  if (secretFields.length > 0) return { ok: false, secretFields };
  if (form.events.length === 0) return { ok: false, noEvents: true };
  const everyEvent = CHANNEL_EVENTS.every((event) => form.events.includes(event));
  return {
    ok: true,
    body: {
      kind: form.kind,
      name: form.name.trim(),
      ...kindFields(form),
      ...(form.language && { language: form.language }),
      ...(!everyEvent && { events: CHANNEL_EVENTS.filter((event) => form.events.includes(event)) }),
      ...(!form.bases.includes('*') && { bases: [...form.bases] }),
      enabled: form.enabled,
    },
  };
}
