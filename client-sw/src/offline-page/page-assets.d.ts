/**
 * The offline page's inline script and style, minified, with their SHA-256 (base64) for the CSP:
 * generated from page-script.ts and page-style.css whenever a build or vitest imports this module
 * (scripts/virtual-modules.mjs).
 */
declare module 'startup-help:offline-page-assets' {
  export const PAGE_SCRIPT: string;
  export const PAGE_SCRIPT_SHA256: string;
  export const PAGE_STYLE: string;
  export const PAGE_STYLE_SHA256: string;
}
