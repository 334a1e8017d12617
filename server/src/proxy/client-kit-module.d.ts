/**
 * The client-sw kit as a module, for the Worker bundle (no file system there): provided at build time
 * by the esbuild plugin in scripts/client-kit-module.mjs from dist/client-sw/default/. Same shape as ClientKit.
 */
declare module 'startup-help:client-kit' {
  export const CLIENT_KIT: {
    'sw.js': string;
    'register-sw.js': string;
    'offline.html': string;
    config: Record<string, unknown>;
  };
}
