import type { MessageLintWarning } from '../../contract/lint-warning.ts';
import type { Message } from '../../contract/message.ts';
import { problemText } from './admin-api.ts';
import { type ConsoleContext, timesOf } from './console-context.ts';
import { checkForm, type MessageForm, payloadOf } from './message-form.ts';
import type { LoadedMessage } from './messages-view.ts';

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly notice: string }
  | { readonly kind: 'conflict'; readonly text: string; readonly theirs?: LoadedMessage }
  | { readonly kind: 'refused'; readonly text: string };

interface StaleAnswer {
  changedBy?: string;
  changedAt?: string;
  current?: Message;
  etag?: string;
}

/**
 * Saves the form: POST for a new message, PATCH with If-Match for a stored one. A 412 means someone
 * saved first: say who and when, and hand over their version; nothing is overwritten silently.
 */
export async function saveMessage(ctx: ConsoleContext, form: MessageForm): Promise<SaveOutcome> {
  const { texts } = ctx;
  const problem = checkForm(form);
  if (problem) return { kind: 'refused', text: texts[problem] };
  const body = payloadOf(form);
  const answer = form.editing
    ? await ctx.request('PATCH', `/api/admin/messages/${encodeURIComponent(form.editing.id)}`, {
        body,
        ifMatch: form.editing.etag,
      })
    : await ctx.request('POST', '/api/admin/messages', { body });
  const times = timesOf(ctx);
  if (answer.status === 200 || answer.status === 201) {
    const saved = answer.data as Message & { warnings?: MessageLintWarning[] };
    const hints = saved.warnings?.length ? ` ${texts.hintsRemain(saved.warnings.length)}` : '';
    return {
      kind: 'saved',
      notice: `${texts.saved(times.at(saved.startsAt), times.at(saved.displayUntil))}${hints}`,
    };
  }
  if (answer.status === 412) {
    const stale = answer.data as StaleAnswer;
    const who = stale.changedBy ?? texts.anotherAdministrator;
    const when = stale.changedAt ? times.at(stale.changedAt) : texts.atUnknownTime;
    const theirs = stale.current && { message: stale.current, etag: stale.etag ?? answer.etag };
    return { kind: 'conflict', text: texts.conflict(who, when), ...(theirs && { theirs }) };
  }
  if (answer.status === 404) return { kind: 'refused', text: texts.messageGone };
  return { kind: 'refused', text: problemText(answer.data, texts.notSaved(answer.status)) };
}
