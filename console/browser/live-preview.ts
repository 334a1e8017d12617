import type { MessageLintWarning } from '../../contract/lint-warning.ts';
import type { Severity } from '../../contract/message.ts';
import { problemText } from './admin-api.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { formatLocal } from './local-time.ts';

/** The form as it stands, in the shape `POST /admin/preview` reads. */
export interface Draft {
  id?: string;
  text: Record<string, string>;
  helpText: Record<string, string>;
  helpURL: string;
  bases: string[];
  startsAt?: string | undefined;
  displayUntil?: string | undefined;
  severity: Severity;
}

interface Previews {
  warnings: MessageLintWarning[];
  shownAt: string;
  dialog: string;
  offline: string;
  status: string;
}

function showWarnings(
  languages: readonly string[],
  warnings: MessageLintWarning[],
  withText: Record<string, string>,
) {
  for (const language of languages) {
    const list = document.getElementById(`lint-${language}`);
    if (!list) continue;
    const mine = warnings.filter((warning) => warning.language === language);
    if (!withText[language]) list.replaceChildren();
    else if (mine.length === 0)
      list.replaceChildren(el('li', { class: 'clean' }, 'Reads well: no lint warnings.'));
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
export function createLivePreview(
  ctx: ConsoleContext,
  draft: () => Draft,
  languages: () => readonly string[],
) {
  const previewBase = byId<HTMLSelectElement>('preview-base');
  const previewLanguage = byId<HTMLSelectElement>('preview-language');
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
      setText(note, problemText(answer.data, `The preview is not available (HTTP ${answer.status}).`));
      return;
    }
    const previews = answer.data as Previews;
    showWarnings(languages(), previews.warnings, current.text);
    note.textContent = `As users will see it at ${formatLocal(previews.shownAt)} (your time).`;
    byId<HTMLIFrameElement>('preview-dialog').srcdoc = previews.dialog;
    byId<HTMLIFrameElement>('preview-offline').srcdoc = previews.offline;
    byId<HTMLIFrameElement>('preview-status').srcdoc = previews.status;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  }

  previewBase.addEventListener('change', schedule);
  previewLanguage.addEventListener('change', schedule);
  return { schedule };
}
