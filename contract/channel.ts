import { CHANNEL_EVENTS } from './channel-events.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { LanguageTag } from './language-tag.ts';
import { MessageBases } from './message.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

/** What a channel can be told about. */
export const ChannelEvent = z.enum(CHANNEL_EVENTS);
export type ChannelEvent = z.infer<typeof ChannelEvent>;

/**
 * The NAME of an environment variable (Workers: a secret) holding a secret. Channels store only the
 * name, so no API answer, page or log line can carry the secret itself.
 */
export const EnvName = z.string().check(
  z.regex(/^[A-Z_][A-Z0-9_]{0,63}$/, {
    error: RULE_TEXTS.envName.en,
  }),
);

const HttpURL = z.url({ protocol: /^https?$/, error: RULE_TEXTS.httpURL.en });
const ChannelName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const Email = z.email({ error: RULE_TEXTS.email.en });

const common = {
  name: ChannelName,
  /** The language the texts are written in; defaults to the settings' default language. */
  language: z.optional(LanguageTag),
  /** Which events to send; default all. */
  events: z.optional(z.array(ChannelEvent).check(z.minLength(1))),
  /** Only events about these bases; default all. */
  bases: z.optional(MessageBases),
  enabled: z.optional(z.boolean()),
};

export const WebhookTarget = {
  kind: z.literal('webhook'),
  url: HttpURL,
  /** HMAC-SHA256 key for `X-Startup-Help-Signature`, read from this variable. */
  secretEnv: z.optional(EnvName),
};

export const TelegramTarget = {
  kind: z.literal('telegram'),
  /** `-1001234567890` or `@channel_name`. */
  chatId: z.string().check(
    z.regex(/^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,63})$/, {
      error: RULE_TEXTS.chatId.en,
    }),
  ),
  tokenEnv: EnvName,
  /** The Bot API address; default https://api.telegram.org (a local Bot API server or a test fake). */
  apiBase: z.optional(HttpURL),
};

export const EmailTarget = {
  kind: z.literal('email'),
  to: z.array(Email).check(z.minLength(1), z.maxLength(20)),
  from: Email,
  smtpHost: z.string().check(z.trim(), z.minLength(1), z.maxLength(253)),
  /** Default 587 (STARTTLS), 465 with `smtpSecurity: "tls"`. */
  smtpPort: z.optional(z.int().check(z.gte(1), z.lte(65535))),
  /** `starttls` (default): upgrade required; `tls`: TLS from the start; `none`: a trusted local relay only. */
  smtpSecurity: z.optional(z.enum(['starttls', 'tls', 'none'])),
  smtpUser: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  passwordEnv: z.optional(EnvName),
};

export const ChannelFields = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, ...WebhookTarget }),
  z.strictObject({ ...common, ...TelegramTarget }),
  z.strictObject({ ...common, ...EmailTarget }),
]);
export type ChannelFields = z.infer<typeof ChannelFields>;

const stored = {
  id: z.string(),
  createdAt: IsoDateTimeWithOffset,
  updatedAt: IsoDateTimeWithOffset,
  createdBy: z.string(),
  updatedBy: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
};

/** A channel as stored and returned. Secrets appear only as variable names. */
export const Channel = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, ...WebhookTarget, ...stored }),
  z.strictObject({ ...common, ...TelegramTarget, ...stored }),
  z.strictObject({ ...common, ...EmailTarget, ...stored }),
]);
export type Channel = z.infer<typeof Channel>;

export const DeliveryState = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** One event sent (or being sent) to one channel. */
export const Delivery = z.object({
  id: z.string(),
  channelId: z.string(),
  /** `channel.test`: the test notice an administrator sent from the console. */
  event: z.union([ChannelEvent, z.literal('channel.test')]),
  /** What the event is about, in the channel's language ("Бухгалтерия: 1С недоступна с 03:12"). */
  subject: z.string(),
  createdAt: IsoDateTimeWithOffset,
  state: DeliveryState,
  attempts: z.int(),
  lastAttemptAt: z.optional(IsoDateTimeWithOffset),
  nextAttemptAt: z.optional(IsoDateTimeWithOffset),
  /** Why the last attempt failed, in plain words; never a secret. */
  problem: z.optional(z.string()),
});
export type Delivery = z.infer<typeof Delivery>;

/**
 * Why a channel cannot send, as a code a program (the console) can say in its own words:
 * `email-unavailable` — the runtime cannot send e-mail (Workers); `variable-missing` — the variable
 * named in `variable` is not set; `variable-reserved` — it names the service's own secret.
 */
export const ReadinessReason = z.enum(['email-unavailable', 'variable-missing', 'variable-reserved']);

/**
 * Whether a channel can send from this service now: `ready: false` with the reason (a code, and
 * `problem` in English words with the fix) when a variable it names is not set or is the service's
 * own, or the runtime cannot send e-mail (Workers).
 */
export const ChannelReadiness = z.object({
  ready: z.boolean(),
  problem: z.optional(z.string()),
  reason: z.optional(ReadinessReason),
  /** The variable `reason` is about. */
  variable: z.optional(z.string()),
});
export type ChannelReadiness = z.infer<typeof ChannelReadiness>;
