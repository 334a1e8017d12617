import type { ConsoleContext } from './console-context.ts';
import { byId, el } from './dom.ts';

/** "All bases" or some of the bases from the settings, and the preview's base picker to match. */
export function createBaseChoices(ctx: ConsoleContext) {
  const basesBox = byId('bases');
  const previewBase = byId<HTMLSelectElement>('preview-base');
  const nameOf = (key: string) => ctx.settings.bases[key]?.name ?? key;

  function render(selected: readonly string[]) {
    const all = selected.includes('*');
    const keys = [...new Set([...Object.keys(ctx.settings.bases), ...selected.filter((key) => key !== '*')])];
    const box = (id: string, value: string, label: string, checked: boolean) => {
      const input = el('input', { type: 'checkbox', id, value, class: 'base-choice', checked });
      return el('label', { for: id, class: 'row' }, input, label);
    };
    basesBox.replaceChildren(
      box('base-all', '*', 'All bases', all),
      ...keys.map((key) =>
        box(`base-${key}`, key, `${nameOf(key)} (${key})`, !all && selected.includes(key)),
      ),
    );
    const chosen = previewBase.value;
    previewBase.replaceChildren(
      el('option', { value: '*' }, 'All bases (/startup-error)'),
      ...keys.map((key) => el('option', { value: key }, `${nameOf(key)} (/startup-error/${key})`)),
    );
    previewBase.value = keys.includes(chosen) ? chosen : (selected.find((key) => key !== '*') ?? '*');
  }

  function selected(): string[] {
    const boxes = [...basesBox.querySelectorAll<HTMLInputElement>('input.base-choice')];
    if (boxes.some((box) => box.value === '*' && box.checked)) return ['*'];
    const keys = boxes.filter((box) => box.checked).map((box) => box.value);
    return keys.length > 0 ? keys : ['*'];
  }

  return { render, selected };
}
