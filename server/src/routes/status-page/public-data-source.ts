import type { Message } from '../../contract/message.ts';
import type { Settings } from '../../contract/settings.ts';

/** What the public pages (status page, feed) read: the current data and the clock. */
export interface PublicDataSource {
  snapshot(): Promise<{ settings: Settings; messages: readonly Message[] }>;
  now(): number;
}
