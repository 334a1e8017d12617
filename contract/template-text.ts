/**
 * A template's message text in one language: the main sentence, and the contact sentence with the
 * phone when one is given (left out otherwise: the settings usually carry the help text). `{until}`
 * stays for the service to fill. Zod-free: the console fills templates with it too.
 */
export function templateText(
  parts: { readonly main: string; readonly contact: string },
  phone?: string,
): string {
  const number = phone?.trim();
  return number ? `${parts.main} ${parts.contact.replaceAll('{phone}', number)}` : parts.main;
}
