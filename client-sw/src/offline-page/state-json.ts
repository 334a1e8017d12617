/**
 * The page state travels as JSON inside `<script type="application/json" id="startup-help-state">`.
 * `<`, `>`, `&` and the JS line separators are written as \u escapes, so no text (an admin's
 * "</script><img onerror=…>") can end the block early; JSON.parse reads them back unchanged.
 */
export function serializeStateForScript(state: unknown): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const STATE_ELEMENT_ID = 'startup-help-state';

/**
 * Puts a fresh state into an already rendered page (the service worker does this with the precached
 * offline.html). Throws when the page has no state block: a wrong file must not be served silently.
 */
export function injectOfflinePageState(html: string, state: unknown): string {
  // Built here, not at module level, so the page script (which imports the id) does not carry it.
  const STATE_BLOCK = new RegExp(
    `(<script type="application/json" id="${STATE_ELEMENT_ID}">)[^<]*(</script>)`,
  );
  if (!STATE_BLOCK.test(html)) throw new Error(`offline page has no #${STATE_ELEMENT_ID} block`);
  const json = serializeStateForScript(state);
  return html.replace(STATE_BLOCK, (_match, open: string, close: string) => open + json + close);
}
