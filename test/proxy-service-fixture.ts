/** The service side of the proxy suites: an admin token, and the message the friendly page must show. */
export const PROXY_ADMIN_TOKEN = 'proxy-admin-token-0123456789';

/** Besides the message, the friendly page for `/buh/…` names the base and says whom to call. */
export const PROXY_PAGE_SHOWS = {
  ru: ['Не удаётся подключиться к Бухгалтерия', 'Дежурный администратор: +7 (495) 123-45-67'],
  en: ['Cannot connect to Бухгалтерия', 'On-call administrator: +7 (495) 123-45-67'],
};

export const PROXY_MESSAGE = {
  ru: 'Идут плановые работы в 1С. Вход снова будет доступен после 14:00 (МСК).',
  en: 'Planned maintenance of 1C is under way. You can log in again after 14:00 (Moscow time).',
};

/** Publishes the message every base shows, and names the base `buh`, through the admin API. */
export async function publishMessage(url: string): Promise<void> {
  const auth = { authorization: `Bearer ${PROXY_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const settings = await fetch(`${url}/api/admin/settings`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
      helpText: {
        ru: 'Дежурный администратор: +7 (495) 123-45-67',
        en: 'On-call administrator: +7 (495) 123-45-67',
      },
      bases: { buh: { name: 'Бухгалтерия' } },
    }),
  });
  if (!settings.ok) throw new Error(`PUT settings: ${settings.status} ${await settings.text()}`);
  const message = await fetch(`${url}/api/admin/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      text: PROXY_MESSAGE,
      bases: ['*'],
      displayUntil: new Date(Date.now() + 24 * 3600_000).toISOString(),
      severity: 'maintenance',
    }),
  });
  if (!message.ok) throw new Error(`POST message: ${message.status} ${await message.text()}`);
}
