import type { MessageWrites } from '../domain/automation-store.ts';
import type { Store } from './store.ts';

/** The message writes a monitor makes, on the store's own message methods (same audit log, same cache). */
export function messageWritesOf(store: Store): MessageWrites {
  return {
    getMessage: async (id) => (await store.load()).messages.find((m) => m.id === id),
    createMessage: (message, audit) => store.createMessage(message, audit),
    updateMessage: (message, expected, audit) => store.updateMessage(message, expected, audit),
  };
}
