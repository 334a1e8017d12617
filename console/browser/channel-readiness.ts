import type { Channel, ChannelReadiness } from '../../contract/channel.ts';

/**
 * Why a channel cannot send, as the console says it. The service explains in English; the cases an
 * administrator meets (e-mail on Workers, a variable not set, the service's own secret named) are
 * recognised and said in the console's language, anything else is shown as the service wrote it.
 */
export type ReadinessWords =
  | { readonly kind: 'ready' }
  | { readonly kind: 'email-unavailable' }
  | { readonly kind: 'variable-missing'; readonly name: string }
  | { readonly kind: 'variable-reserved'; readonly name: string }
  | { readonly kind: 'other'; readonly problem: string };

/** The variables a channel names for its secrets. */
export function variablesOf(channel: Channel): string[] {
  const names =
    channel.kind === 'telegram'
      ? [channel.tokenEnv]
      : channel.kind === 'email'
        ? [channel.passwordEnv]
        : [channel.secretEnv];
  return names.filter((name): name is string => Boolean(name));
}

export function readinessWords(channel: Channel, readiness: ChannelReadiness | undefined): ReadinessWords {
  if (!readiness || readiness.ready) return { kind: 'ready' };
  const problem = readiness.problem ?? '';
  const named = variablesOf(channel).find((name) => problem.includes(name));
  if (named && /service's own secret/.test(problem)) return { kind: 'variable-reserved', name: named };
  if (named && /is not set/.test(problem)) return { kind: 'variable-missing', name: named };
  // On Workers an e-mail channel cannot send at all, whatever its variables.
  if (channel.kind === 'email' && /workers/i.test(problem)) return { kind: 'email-unavailable' };
  return { kind: 'other', problem };
}
