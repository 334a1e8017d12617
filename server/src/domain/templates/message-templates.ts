import type { MessageTemplate } from '../../../../contract/message-template.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../../../../contract/page-languages.ts';
import { templateText } from '../../../../contract/template-text.ts';

const CALL: Record<PageLanguage, string> = {
  ru: 'Если дело срочное, позвоните дежурному администратору: {phone}.',
  en: 'If it is urgent, call the duty administrator: {phone}.',
  lv: 'Ja jautājums ir steidzams, zvaniet dežurējošajam administratoram: {phone}.',
};

/**
 * Ready-made messages written by docs/voice.md: acknowledge, say when, say what to do, how to reach us.
 * Each language says the same facts.
 */
export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'planned-maintenance',
    severity: 'maintenance',
    durationMinutes: 120,
    title: { ru: 'Плановые работы', en: 'Planned maintenance', lv: 'Plānoti darbi' },
    text: {
      ru: {
        main: 'Мы проводим плановые работы в 1С. Вход снова будет доступен после {until}. Пожалуйста, сохраните документы и зайдите позже.',
        contact: CALL.ru,
      },
      en: {
        main: 'We are doing planned maintenance on 1C. You can sign in again after {until}. Please save your work and come back then.',
        contact: CALL.en,
      },
      lv: {
        main: 'Mēs veicam plānotus darbus 1C sistēmā. Pieslēgties atkal varēsiet pēc {until}. Lūdzu, saglabājiet darbu un atgriezieties vēlāk.',
        contact: CALL.lv,
      },
    },
  },
  {
    id: 'unplanned-outage',
    severity: 'outage',
    durationMinutes: 60,
    title: { ru: 'Внеплановый сбой', en: 'Unplanned outage', lv: 'Neplānots pārtraukums' },
    text: {
      ru: {
        main: '1С сейчас недоступна, и это не ваша ошибка. Мы уже восстанавливаем работу и рассчитываем закончить к {until}. Попробуйте войти после этого.',
        contact: CALL.ru,
      },
      en: {
        main: '1C is unavailable right now, and it is not your fault. We are already restoring it and expect to finish by {until}. Please try again then.',
        contact: CALL.en,
      },
      lv: {
        main: '1C pašlaik nav pieejama, un tā nav jūsu kļūda. Mēs jau atjaunojam darbu un plānojam pabeigt līdz {until}. Lūdzu, mēģiniet vēlreiz pēc tam.',
        contact: CALL.lv,
      },
    },
  },
  {
    id: 'update-in-progress',
    severity: 'maintenance',
    durationMinutes: 90,
    title: { ru: 'Идёт обновление', en: 'Update in progress', lv: 'Notiek atjaunināšana' },
    text: {
      ru: {
        main: 'Идёт обновление 1С. Вход снова будет доступен после {until}. Всё, что вы сохранили до обновления, на месте.',
        contact: CALL.ru,
      },
      en: {
        main: '1C is being updated. You can sign in again after {until}. Everything you saved before the update is safe.',
        contact: CALL.en,
      },
      lv: {
        main: 'Notiek 1C atjaunināšana. Pieslēgties atkal varēsiet pēc {until}. Viss, ko saglabājāt pirms atjaunināšanas, ir drošībā.',
        contact: CALL.lv,
      },
    },
  },
  {
    id: 'network-problem',
    severity: 'outage',
    durationMinutes: 60,
    title: { ru: 'Проблема со связью', en: 'Network problem', lv: 'Tīkla problēma' },
    text: {
      ru: {
        main: 'Сейчас нет связи с 1С из-за неполадки в сети. Мы уже её устраняем и ожидаем, что связь вернётся к {until}. Сохранённые данные в безопасности.',
        contact: CALL.ru,
      },
      en: {
        main: '1C cannot be reached because of a network problem. We are fixing it and expect the connection back by {until}. Your saved work is safe.',
        contact: CALL.en,
      },
      lv: {
        main: '1C nav sasniedzama tīkla problēmas dēļ. Mēs to jau novēršam un sagaidām, ka savienojums atjaunosies līdz {until}. Saglabātie dati ir drošībā.',
        contact: CALL.lv,
      },
    },
  },
  {
    id: 'sessions-locked',
    severity: 'maintenance',
    durationMinutes: 30,
    title: {
      ru: 'Вход закрыт администратором',
      en: 'Sign-ins paused by the administrator',
      lv: 'Administrators slēdzis pieslēgšanos',
    },
    text: {
      ru: {
        main: 'Администратор временно закрыл вход в 1С для регламентных работ. Вход откроется после {until}. Пожалуйста, зайдите позже.',
        contact: CALL.ru,
      },
      en: {
        main: 'The administrator has paused sign-ins to 1C for routine work. Sign-ins reopen after {until}. Please come back then.',
        contact: CALL.en,
      },
      lv: {
        main: 'Administrators uz laiku ir slēdzis pieslēgšanos 1C kārtējiem darbiem. Pieslēgties atkal varēsiet pēc {until}. Lūdzu, atgriezieties vēlāk.',
        contact: CALL.lv,
      },
    },
  },
];

/** The message text per language for a template (contract/template-text.ts says how). */
export function fillTemplate(template: MessageTemplate, fill: { phone?: string }): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const language of PAGE_LANGUAGES) texts[language] = templateText(template.text[language], fill.phone);
  return texts;
}
