/**
 * What a monitor writes is signed `monitor:<its name>` (audit actor, a message's `createdBy`). No
 * zod here: the console reads it too.
 */
const PREFIX = 'monitor:';

export function monitorAuthor(name: string): string {
  return `${PREFIX}${name}`;
}

/** The monitor's name when `actor` is a monitor, else undefined. */
export function monitorNameOf(actor: string | undefined): string | undefined {
  return actor?.startsWith(PREFIX) ? actor.slice(PREFIX.length) : undefined;
}
