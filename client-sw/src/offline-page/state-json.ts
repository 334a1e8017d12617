import { serializeForScript } from '../../../contract/script-json.ts';

/** The page state travels as JSON inside `<script type="application/json" id="startup-help-state">`. */
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
  const json = serializeForScript(state);
  return html.replace(STATE_BLOCK, (_match, open: string, close: string) => open + json + close);
}
