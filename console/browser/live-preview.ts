import type { MessageLintWarning } from '../../contract/lint-warning.ts';
import { problemText } from './admin-api.ts';
import { type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import type { Draft } from './message-form.ts';

interface Previews {
  warnings: MessageLintWarning[];
  shownAt: string;
  dialog: string;
  offline: string;
  status: string;
}

/** The lint list under each language's text: the hints (in the console's language), or "reads well". */
function showWarnings(ctx: ConsoleContext, draft: Draft, warnings: readonly MessageLintWarning[]) {
  for (const list of byId('texts').querySelectorAll<HTMLUListElement>('ul.lint')) {
    const language = list.id.slice('lint-'.length);
    const mine = warnings.filter((warning) => warning.language === language);
    if (!draft.text[language]) list.replaceChildren();
    else if (mine.length === 0) list.replaceChildren(el('li', { class: 'clean' }, ctx.texts.readsWell));
    else
      list.replaceChildren(
        ...mine.map((warning) =>
          el(
            'li',
            { 'data-code': warning.code },
            `${warning.message}${warning.matches ? ` (${warning.matches.join(', ')})` : ''}`,
          ),
        ),
      );
  }
}

/**
 * Lint and the three previews, a moment after the last keystroke. The server renders them with the
 * code that serves users; a late answer for an older draft is dropped.
 */
export function createLivePreview(ctx: ConsoleContext, draft: () => Draft) {
  const previewBase = byId('preview-base');
  const previewLanguage = byId('preview-language');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;

  async function refresh() {
    const mine = ++sequence;
    const current = draft();
    const answer = await ctx.request('POST', '/admin/preview', {
      body: { draft: current, baseKey: previewBase.value || '*', language: previewLanguage.value || 'ru' },
    });
    if (mine !== sequence) return;
    const note = byId('preview-note');
    if (answer.status !== 200) {
      setText(note, problemText(answer.data, ctx.texts.previewUnavailable(answer.status)));
      return;
    }
    const previews = answer.data as Previews;
    showWarnings(ctx, current, previews.warnings);
    setText(note, ctx.texts.previewAt(timesOf(ctx).at(previews.shownAt)));
    byId('preview-dialog').srcdoc = previews.dialog;
    byId('preview-offline').srcdoc = previews.offline;
    byId('preview-status').srcdoc = previews.status;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  }

  previewBase.addEventListener('change', schedule);
  previewLanguage.addEventListener('change', schedule);
  return { schedule };
}
