/**
 * The client-sw kit's built config (dist/client-sw/default/startup-help.config.json), for the Worker
 * bundle: provided at build time by the esbuild plugin in scripts/client-kit-module.mjs. The kit's
 * files themselves are the Worker's static assets (server/src/entry/worker-assets.ts).
 */
declare module 'startup-help:client-kit' {
  export const CLIENT_KIT_CONFIG: Record<string, unknown>;
}
