/** Longest text per language an administrator may store (message text, help text). */
export const MAX_TEXT_LENGTH = 2000;

/**
 * The length a message's main text should stay within: it must fit the 1C login dialog and be read
 * at a glance; detail belongs behind the help link. A lint warning, never a refusal.
 */
export const MAX_MESSAGE_LENGTH = 300;

/** Longest display name of a base ("Бухгалтерия (Рига)"). */
export const MAX_BASE_NAME_LENGTH = 200;
