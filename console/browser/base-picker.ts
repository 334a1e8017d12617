import { baseName, type ConsoleContext } from './console-context.ts';
import { el } from './dom.ts';
import { chosenBases } from './message-form.ts';

/**
 * "All bases" or some of the bases from the settings, as checkboxes in `box` (ids `<prefix>-all`,
 * `<prefix>-<key>`); `onChange` gets `['*']` or the keys chosen.
 */
export function createBasePicker(
  ctx: ConsoleContext,
  box: HTMLElement,
  prefix: string,
  onChange: (bases: string[]) => void,
) {
  function render(selected: readonly string[]): string[] {
    const all = selected.includes('*');
    const keys = [...new Set([...Object.keys(ctx.settings.bases), ...selected.filter((key) => key !== '*')])];
    const choice = (id: string, value: string, label: string, checked: boolean) => {
      const input = el('input', { type: 'checkbox', id, value, class: 'base-choice', checked });
      return el('label', { for: id, class: 'row' }, input, label);
    };
    box.replaceChildren(
      choice(`${prefix}-all`, '*', ctx.texts.allBasesChoice, all),
      ...keys.map((key) =>
        choice(`${prefix}-${key}`, key, `${baseName(ctx, key)} (${key})`, !all && selected.includes(key)),
      ),
    );
    return keys;
  }

  box.addEventListener('change', (event) => {
    const changed = event.target as HTMLInputElement;
    const boxes = [...box.querySelectorAll<HTMLInputElement>('input.base-choice')];
    const ticked = boxes.filter((input) => input.checked).map((input) => input.value);
    const chosen = chosenBases(ticked, { value: changed.value, checked: changed.checked });
    // The boxes change in place: a keyboard user keeps the focus on the box they pressed.
    for (const input of boxes) input.checked = chosen.includes(input.value);
    onChange(chosen);
  });

  return { render };
}
