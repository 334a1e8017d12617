import type { Channel, ChannelReadiness } from '../../../contract/channel.ts';
import type { DeliveryPayload } from '../domain/notifications/delivery-plan.ts';
import { httpOutcome, redactSecrets, type SendOutcome } from '../domain/notifications/retry-policy.ts';
import { SIGNATURE_HEADER, signPayload } from '../domain/report-webhook.ts';

/** Reads a secret by the variable name a channel gives (process.env on Node, the Worker's env). */
export type SecretSource = (name: string) => string | undefined;

export type EmailChannel = Extract<Channel, { kind: 'email' }>;

/** Sends one e-mail (nodemailer on Node); absent where the runtime cannot (Workers). */
export type EmailSend = (
  channel: EmailChannel,
  payload: DeliveryPayload,
  password: string | undefined,
) => Promise<void>;

export interface SenderOptions {
  fetch: typeof fetch;
  secret: SecretSource;
  email?: EmailSend | undefined;
  /** Per-attempt limit (default 10 s). */
  timeoutMs?: number;
}

export const DEFAULT_TELEGRAM_API = 'https://api.telegram.org';

/**
 * The service's own secrets: a channel may not name them, or an administrator could send the admin
 * tokens to a Telegram endpoint or mail server of their choosing.
 */
export const RESERVED_SECRET_NAMES: ReadonlySet<string> = new Set(['ADMIN_TOKEN', 'REPORT_WEBHOOK_SECRET']);

/** `secret`, refusing the service's own secrets. */
export function channelSecrets(secret: SecretSource): SecretSource {
  return (name) => (RESERVED_SECRET_NAMES.has(name) ? undefined : secret(name));
}

/** Sends a delivery's payload to its channel; never throws, never lets a secret into `problem`. */
export type ChannelSender = (channel: Channel, payload: DeliveryPayload) => Promise<SendOutcome>;

function secretsOf(channel: Channel, secret: SecretSource): string[] {
  const names =
    channel.kind === 'webhook'
      ? [channel.secretEnv]
      : channel.kind === 'telegram'
        ? [channel.tokenEnv]
        : [channel.passwordEnv];
  return names.flatMap((name) => (name ? [secret(name) ?? ''] : [])).filter(Boolean);
}

/** Whether `channel` can send from here now, and if not, what to do about it. */
export function channelReadiness(
  channel: Channel,
  given: Pick<SenderOptions, 'secret' | 'email'>,
): ChannelReadiness {
  const options = { ...given, secret: channelSecrets(given.secret) };
  const missing = (name: string): ChannelReadiness =>
    RESERVED_SECRET_NAMES.has(name)
      ? {
          ready: false,
          reason: 'variable-reserved',
          variable: name,
          problem: `${name} is the service's own secret and is never given to a channel. Put this channel's secret in a variable of its own, such as TELEGRAM_TOKEN.`,
        }
      : {
          ready: false,
          reason: 'variable-missing',
          variable: name,
          problem: `The variable ${name} is not set. Set it in the service's environment (Workers: "npx wrangler secret put ${name}") and restart.`,
        };
  if (channel.kind === 'telegram' && !options.secret(channel.tokenEnv)) return missing(channel.tokenEnv);
  if (channel.kind === 'webhook' && channel.secretEnv && !options.secret(channel.secretEnv))
    return missing(channel.secretEnv);
  if (channel.kind === 'email') {
    if (!options.email) {
      return {
        ready: false,
        reason: 'email-unavailable',
        problem:
          'E-mail cannot be sent from Cloudflare Workers. Use a Telegram or webhook channel there, or run the service on Node.',
      };
    }
    if (channel.passwordEnv && !options.secret(channel.passwordEnv)) return missing(channel.passwordEnv);
  }
  return { ready: true };
}

async function post(
  options: SenderOptions,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<SendOutcome> {
  const response = await options.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const retryAfter = response.headers.get('retry-after');
  const text = await response.text().catch(() => '');
  const outcome = httpOutcome(response.status, retryAfter);
  if (outcome.ok || response.status < 400) return outcome;
  // Telegram explains a refusal in `description` ("Bad Request: chat not found").
  const description = /"description"\s*:\s*"([^"]{1,200})"/.exec(text)?.[1];
  return description ? { ...outcome, problem: `${outcome.problem}: ${description}` } : outcome;
}

export function createChannelSender(given: SenderOptions): ChannelSender {
  const options = { ...given, secret: channelSecrets(given.secret) };
  return async (channel, payload) => {
    const ready = channelReadiness(channel, options);
    if (!ready.ready) return { ok: false, problem: ready.problem ?? 'not ready', retry: false };
    try {
      if (channel.kind === 'webhook') {
        const key = channel.secretEnv ? options.secret(channel.secretEnv) : undefined;
        const headers: Record<string, string> = key
          ? { [SIGNATURE_HEADER]: await signPayload(key, payload.json) }
          : {};
        return await post(options, channel.url, payload.json, headers);
      }
      if (channel.kind === 'telegram') {
        const token = options.secret(channel.tokenEnv) ?? '';
        const base = (channel.apiBase ?? DEFAULT_TELEGRAM_API).replace(/\/+$/, '');
        const body = JSON.stringify({
          chat_id: channel.chatId,
          text: `${payload.subject}\n\n${payload.body}`,
          disable_web_page_preview: true,
        });
        return redactOutcome(
          await post(options, `${base}/bot${token}/sendMessage`, body, {}),
          secretsOf(channel, options.secret),
        );
      }
      const password = channel.passwordEnv ? options.secret(channel.passwordEnv) : undefined;
      await options.email?.(channel, payload, password);
      return { ok: true };
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      const name = (error as Error)?.name;
      return {
        ok: false,
        problem: redactSecrets(
          name === 'TimeoutError' ? 'no answer within 10 s' : problem,
          secretsOf(channel, options.secret),
        ),
        retry: true,
      };
    }
  };
}

function redactOutcome(outcome: SendOutcome, secrets: string[]): SendOutcome {
  return outcome.ok ? outcome : { ...outcome, problem: redactSecrets(outcome.problem, secrets) };
}
