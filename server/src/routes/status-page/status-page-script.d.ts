/**
 * The status page's inline script (reader-time-script.ts, minified) and its SHA-256 (base64) for the
 * CSP: generated whenever a build or vitest imports this module (scripts/virtual-modules.mjs).
 */
declare module 'startup-help:status-page-script' {
  export const STATUS_PAGE_SCRIPT: string;
  export const STATUS_PAGE_SCRIPT_SHA256: string;
}
