/**
 * server/migrations/*.sql, read when a build or vitest imports this module
 * (scripts/virtual-modules.mjs): the service carries its schema inside dist/server.mjs.
 */
declare module 'startup-help:migrations' {
  export const MIGRATIONS: readonly { name: string; sql: string }[];
}
