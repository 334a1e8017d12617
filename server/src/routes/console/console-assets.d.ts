/**
 * The admin console as the server serves it, built from console/ (page markup rendered once, the
 * browser program bundled, the style sheet) whenever a build or vitest imports this module
 * (scripts/virtual-modules.mjs). The server never imports console/ sources.
 */
declare module 'startup-help:console-assets' {
  export const CONSOLE_HTML: string;
  export const CONSOLE_SCRIPT: string;
  export const CONSOLE_CSS: string;
}
