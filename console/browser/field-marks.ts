/**
 * The fields that stand for `path`: those naming it (two bases with one key are both meant), else
 * those naming its nearest parent (`to.1` → `to`).
 */
function fieldsFor(form: HTMLElement, path: string): HTMLElement[] {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) {
    const selector = `[data-path="${CSS.escape(parts.slice(0, i).join('.'))}"]`;
    const fields = [...form.querySelectorAll<HTMLElement>(selector)];
    if (fields.length > 0) return fields;
  }
  return [];
}

/**
 * Marks the fields a refusal names (`aria-invalid`, described by the error line) and takes a keyboard
 * user to the first; [] clears the marks. A field names its path with `data-path`.
 */
export function markFields(form: HTMLElement, paths: readonly string[], errorId: string): void {
  const refused = new Set(paths.flatMap((path) => fieldsFor(form, path)));
  let first: HTMLElement | undefined;
  for (const field of form.querySelectorAll<HTMLElement>('[data-path]')) {
    if (refused.has(field)) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', errorId);
      first ??= field;
    } else {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    }
  }
  first?.focus();
}

/**
 * What the form calls the field for `path`, to name it in a sentence: its label ("Web address"), a
 * language's text area by its fieldset too ("Outage message, Russian (ru)").
 */
export function fieldLabel(form: HTMLElement, path: string): string | undefined {
  const [field] = fieldsFor(form, path);
  if (!field) return undefined;
  const label = field.id
    ? form.querySelector(`label[for="${CSS.escape(field.id)}"]`)?.textContent?.trim()
    : undefined;
  const legend = field.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
  if (label && legend && field.dataset.path?.includes('.')) return `${legend}, ${label}`;
  return label || legend || undefined;
}
