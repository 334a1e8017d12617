import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_SCRIPT } from 'startup-help:console-assets';
import { filesInMemory, type StaticFiles } from '../static-files.ts';
import type { ConsoleFile } from './console-routes.ts';

/**
 * The console as built into dist/server.mjs (and generated from console/ under vitest): the Node
 * entry serves it from memory. The Worker bundle never imports this; its copy of the same files is
 * in the Worker's static assets.
 */
export const bundledConsoleFiles: StaticFiles<ConsoleFile> = filesInMemory({
  'console.html': CONSOLE_HTML,
  'console.js': CONSOLE_SCRIPT,
  'console.css': CONSOLE_CSS,
});
