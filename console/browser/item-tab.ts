import type { StaticTextKey } from '../texts/console-texts.ts';
import { problemText } from './admin-api.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { fieldLabel, markFields } from './field-marks.ts';
import { saveResource } from './resource-save.ts';
import { setWord } from './static-texts.ts';

/**
 * The tabs of monitors, recurring windows and channels share one shape: a list of items with a
 * notice line, _New_ and _Refresh_, and a form that hides the list while it is open. Their element
 * ids follow one pattern (console/element-ids.ts), so one piece of code serves all three.
 */
export type ItemKind = 'monitor' | 'schedule' | 'channel';

const list = (kind: ItemKind) => byId(`${kind}s-list`);
const notice = (kind: ItemKind) => byId(`${kind}s-notice`);

/** The form's frame: opening, closing, saving's outcome and refusals; the editor draws the fields. */
export interface FormShell {
  /** Shows the form (the editor has set its state), titled with `title`. */
  open(title: StaticTextKey): void;
  /**
   * Sends the item: POST when new, `editMethod` with If-Match when stored. Saved: back to the list.
   * Refused: says why and marks the fields. Stale: says who saved first; `adoptEtag` takes their
   * version's ETag, so saving again replaces it.
   */
  send(
    body: unknown,
    editing: { readonly id: string; readonly etag: string | undefined } | undefined,
    editMethod: 'PATCH' | 'PUT',
    adoptEtag: (etag: string | undefined) => void,
  ): Promise<void>;
  /** Refused before sending: `text`, and the fields it is about. */
  refuse(text: string, paths: readonly string[]): void;
  /** The label of the field for `path`, to name it in a refusal. */
  labelOf(path: string): string | undefined;
  isOpen(): boolean;
}

export function createFormShell(
  ctx: ConsoleContext,
  kind: ItemKind,
  parts: { render(): void; save(): Promise<void>; firstField: HTMLElement; onDone(notice: string): void },
): FormShell {
  const form = byId(`${kind}-form`);
  const error = byId(`${kind}-error`);
  const close = (text: string) => {
    form.hidden = true;
    list(kind).hidden = false;
    parts.onDone(text);
  };
  const refuse = (text: string, paths: readonly string[]) => {
    setText(error, text);
    markFields(form, paths, error.id);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setText(error, '');
    void parts.save();
  });
  byId(`${kind}-cancel`).addEventListener('click', () => close(''));
  return {
    open(title) {
      setWord(byId(`${kind}-form-title`), ctx.texts, title);
      refuse('', []);
      parts.render();
      list(kind).hidden = true;
      form.hidden = false;
      parts.firstField.focus();
    },
    async send(body, editing, editMethod, adoptEtag) {
      const collection = `/api/admin/${kind}s`;
      const answer = await saveResource(
        ctx,
        editing
          ? {
              method: editMethod,
              path: `${collection}/${encodeURIComponent(editing.id)}`,
              body,
              etag: editing.etag,
            }
          : { method: 'POST', path: collection, body },
        (path) => fieldLabel(form, path),
      );
      if (answer.kind === 'saved') {
        refuse('', []);
        return close(ctx.texts.savedItem);
      }
      if (answer.kind === 'conflict') adoptEtag(answer.etag);
      refuse(answer.text, answer.kind === 'refused' ? answer.problems.map((problem) => problem.path) : []);
    },
    refuse,
    labelOf: (path) => fieldLabel(form, path),
    isOpen: () => !form.hidden,
  };
}

/**
 * GETs a tab's list; on a service without the automatic features says so in the list, on another
 * failure says why in the notice line. The data, or undefined.
 */
export async function loadItems(ctx: ConsoleContext, kind: ItemKind): Promise<unknown> {
  const answer = await ctx.request('GET', `/api/admin/${kind}s`);
  if (answer.status === 200) return answer.data;
  if (answer.status === 404)
    list(kind).replaceChildren(el('li', { class: 'empty off' }, ctx.texts.automationOff));
  else setText(notice(kind), problemText(answer.data, ctx.texts.couldNotLoadList(answer.status)));
  return undefined;
}

/** The list's items, or the words for an empty list. */
export function fillItems(kind: ItemKind, items: readonly HTMLLIElement[], empty: string): void {
  list(kind).replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'empty' }, empty)]));
}

/** _New_ opens an empty form, _Refresh_ loads the list again; the tab's loader and redraw for main.ts. */
export function wireItemTab(
  kind: ItemKind,
  tab: { openNew(): void; load(): Promise<void>; render(): void; relabelForm(): void },
) {
  byId(`new-${kind}`).addEventListener('click', () => {
    setText(notice(kind), '');
    tab.openNew();
  });
  byId(`reload-${kind}s`).addEventListener('click', () => void tab.load());
  return {
    load: tab.load,
    relabel() {
      tab.relabelForm();
      tab.render();
    },
    notice: (text: string) => setText(notice(kind), text),
  };
}

const itemPath = (kind: ItemKind, id: string) => `/api/admin/${kind}s/${encodeURIComponent(id)}`;

/** An item as stored now, with its ETag (lists carry none); when it cannot be had, the notice says why. */
export async function freshItem<T>(
  ctx: ConsoleContext,
  kind: ItemKind,
  id: string,
): Promise<{ item: T; etag: string | undefined } | undefined> {
  const answer = await ctx.request('GET', itemPath(kind, id));
  if (answer.status === 200) return { item: answer.data as T, etag: answer.etag };
  const gone = answer.status === 404;
  setText(
    notice(kind),
    gone ? ctx.texts.itemGone : problemText(answer.data, ctx.texts.notChanged(answer.status)),
  );
  return undefined;
}

/** Changes (PATCH) or deletes an item with the ETag of a fresh read; the notice says how it went. */
export async function changeItem(
  ctx: ConsoleContext,
  kind: ItemKind,
  id: string,
  method: 'PATCH' | 'DELETE',
  body?: unknown,
): Promise<void> {
  const found = await freshItem(ctx, kind, id);
  if (!found) return;
  const answer = await ctx.request(method, itemPath(kind, id), { body, ifMatch: found.etag });
  const done = method === 'DELETE' ? ctx.texts.deletedItem : ctx.texts.savedItem;
  const ok = answer.status === 200 || answer.status === 204;
  setText(notice(kind), ok ? done : problemText(answer.data, ctx.texts.notChanged(answer.status)));
}
