import { problemSentence } from '../../contract/issue-words.ts';
import type { FieldProblem } from '../../contract/problem.ts';
import { problemText } from './admin-api.ts';
import { type ConsoleContext, timesOf } from './console-context.ts';

/** What saving a monitor, window or channel came to. */
export type SaveAnswer =
  | { readonly kind: 'saved'; readonly data: unknown; readonly etag: string | undefined }
  /** Someone saved first: who and when, and the ETag of their version (saving again replaces it). */
  | { readonly kind: 'conflict'; readonly text: string; readonly etag: string | undefined }
  | { readonly kind: 'refused'; readonly text: string; readonly problems: readonly FieldProblem[] };

/**
 * Field problems as one sentence, each field by the name its label gives it ("Web address: must be
 * an http:// or https:// URL…"), in the console's language. A path the form does not name keeps its
 * own name.
 */
export function problemsText(
  ctx: Pick<ConsoleContext, 'language' | 'texts'>,
  problems: readonly FieldProblem[],
  labelOf: (path: string) => string | undefined,
): string {
  const sentences = problems.map((problem) =>
    problemSentence({ path: labelOf(problem.path) ?? problem.path, message: problem.message }, ctx.language),
  );
  return ctx.texts.fixFields(sentences.join('; '));
}

/**
 * POST (new) or PATCH/PUT with If-Match (stored). A 412 says who saved first and hands over the
 * ETag of their version; a 400 lists the fields; nothing is ever overwritten silently.
 */
export async function saveResource(
  ctx: ConsoleContext,
  request: { method: 'POST' | 'PATCH' | 'PUT'; path: string; body: unknown; etag?: string | undefined },
  labelOf: (path: string) => string | undefined,
): Promise<SaveAnswer> {
  const { texts } = ctx;
  const answer = await ctx.request(request.method, request.path, {
    body: request.body,
    ifMatch: request.etag,
  });
  if (answer.status === 200 || answer.status === 201) {
    return { kind: 'saved', data: answer.data, etag: answer.etag };
  }
  const data = (answer.data ?? {}) as {
    changedBy?: string;
    changedAt?: string;
    etag?: string;
    problems?: FieldProblem[];
  };
  if (answer.status === 412) {
    const who = data.changedBy ?? texts.anotherAdministrator;
    const when = data.changedAt ? timesOf(ctx).at(data.changedAt) : texts.atUnknownTime;
    return { kind: 'conflict', text: texts.itemChanged(who, when), etag: data.etag ?? answer.etag };
  }
  if (answer.status === 404) return { kind: 'refused', text: texts.itemGone, problems: [] };
  const problems = data.problems ?? [];
  if (answer.status === 400 && problems.length > 0) {
    return { kind: 'refused', text: problemsText(ctx, problems, labelOf), problems };
  }
  return { kind: 'refused', text: problemText(answer.data, texts.notSavedItem(answer.status)), problems: [] };
}
