import { createBasePicker } from './base-picker.ts';
import { baseName, type ConsoleContext } from './console-context.ts';
import { byId, el } from './dom.ts';

/** "All bases" or some of the bases from the settings, and the preview's base picker to match. */
export function createBaseChoices(ctx: ConsoleContext, onChange: (bases: string[]) => void) {
  const previewBase = byId('preview-base');
  const picker = createBasePicker(ctx, byId('bases'), 'base', (chosen) => {
    renderPreview(chosen, keysShown);
    onChange(chosen);
  });
  let keysShown: string[] = [];

  function renderPreview(selected: readonly string[], keys: readonly string[]) {
    const chosen = previewBase.value;
    previewBase.replaceChildren(
      el('option', { value: '*' }, ctx.texts.allBasesPreview),
      ...keys.map((key) => el('option', { value: key }, `${baseName(ctx, key)} (/startup-error/${key})`)),
    );
    previewBase.value = keys.includes(chosen) ? chosen : (selected.find((key) => key !== '*') ?? '*');
  }

  function render(selected: readonly string[]) {
    keysShown = picker.render(selected);
    renderPreview(selected, keysShown);
  }

  return { render };
}
