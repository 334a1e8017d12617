/**
 * JSON for a `<script type="application/json">` block. `<`, `>`, `&` and the JS line separators are
 * written as \u escapes, so no text (an admin's "</script><img onerror=…>") can end the block early;
 * JSON.parse reads them back unchanged. Every page that carries data this way (offline page, console)
 * writes it with this.
 */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
