import type { ChannelReadiness } from '../../contract/channel.ts';

/**
 * Why a channel cannot send, as the console says it: the service gives a code for the cases an
 * administrator meets (e-mail on Workers, a variable not set, the service's own secret named), said
 * in the console's language; anything else is shown as the service wrote it.
 */
export type ReadinessWords =
  | { readonly kind: 'ready' }
  | { readonly kind: 'email-unavailable' }
  | { readonly kind: 'variable-missing'; readonly name: string }
  | { readonly kind: 'variable-reserved'; readonly name: string }
  | { readonly kind: 'other'; readonly problem: string };

export function readinessWords(readiness: ChannelReadiness | undefined): ReadinessWords {
  if (!readiness || readiness.ready) return { kind: 'ready' };
  const { reason, variable } = readiness;
  if (reason === 'email-unavailable') return { kind: 'email-unavailable' };
  if (reason && variable) return { kind: reason, name: variable };
  return { kind: 'other', problem: readiness.problem ?? '' };
}
