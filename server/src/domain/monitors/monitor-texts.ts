import type { PageLanguage } from '../../../../contract/page-languages.ts';

/**
 * The built-in text of a monitor's outage message (the "Unplanned outage" template, for a message
 * nobody wrote): acknowledge, say since when, say what to do. `{since}` is the first failed probe.
 * No deadline is promised, because nobody knows it yet; the message ends by itself on recovery.
 */
export const MONITOR_OUTAGE_TEXT: Readonly<Record<PageLanguage, string>> = {
  ru: '1С недоступна с {since}, и это не ваша ошибка. Мы уже восстанавливаем работу. Попробуйте войти через несколько минут: это сообщение исчезнет, как только всё заработает.',
  en: '1C has been unavailable since {since}, and it is not your fault. We are already restoring it. Please try again in a few minutes: this message disappears as soon as everything works.',
  lv: '1C nav pieejama kopš {since}, un tā nav jūsu kļūda. Mēs jau atjaunojam darbu. Lūdzu, mēģiniet vēlreiz pēc dažām minūtēm: šis paziņojums pazudīs, tiklīdz viss darbosies.',
};
