import { baseName, type ConsoleContext } from './console-context.ts';
import { byId, el } from './dom.ts';
import { chosenBases } from './message-form.ts';

/** "All bases" or some of the bases from the settings, and the preview's base picker to match. */
export function createBaseChoices(ctx: ConsoleContext, onChange: (bases: string[]) => void) {
  const basesBox = byId('bases');
  const previewBase = byId('preview-base');

  function render(selected: readonly string[]) {
    const all = selected.includes('*');
    const keys = [...new Set([...Object.keys(ctx.settings.bases), ...selected.filter((key) => key !== '*')])];
    const box = (id: string, value: string, label: string, checked: boolean) => {
      const input = el('input', { type: 'checkbox', id, value, class: 'base-choice', checked });
      return el('label', { for: id, class: 'row' }, input, label);
    };
    basesBox.replaceChildren(
      box('base-all', '*', ctx.texts.allBasesChoice, all),
      ...keys.map((key) =>
        box(`base-${key}`, key, `${baseName(ctx, key)} (${key})`, !all && selected.includes(key)),
      ),
    );
    const chosen = previewBase.value;
    previewBase.replaceChildren(
      el('option', { value: '*' }, ctx.texts.allBasesPreview),
      ...keys.map((key) => el('option', { value: key }, `${baseName(ctx, key)} (/startup-error/${key})`)),
    );
    previewBase.value = keys.includes(chosen) ? chosen : (selected.find((key) => key !== '*') ?? '*');
  }

  basesBox.addEventListener('change', () => {
    const boxes = [...basesBox.querySelectorAll<HTMLInputElement>('input.base-choice')];
    onChange(chosenBases(boxes.filter((box) => box.checked).map((box) => box.value)));
  });

  return { render };
}
