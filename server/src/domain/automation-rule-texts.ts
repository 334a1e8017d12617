import { wordsLanguage } from '../../../contract/issue-words.ts';
import type { PageLanguage } from '../../../contract/page-languages.ts';

/**
 * The rules of monitors and recurring windows that span fields or need a library to check (the
 * schemas check each field alone), in the administrator's language.
 */
interface AutomationRuleWords {
  httpTarget: string;
  tcpTarget: string;
  timeoutBelowInterval: (interval: number) => string;
  cronFields: (cron: string, count: number) => string;
  cronInvalid: (detail: string) => string;
  cronNever: string;
  endsAfterStart: (startsFrom: string) => string;
  notAStart: (cron: string, zone: string) => string;
  moveInPast: string;
}

const WORDS: Record<PageLanguage, AutomationRuleWords> = {
  en: {
    httpTarget: 'must be an http:// or https:// URL, such as "https://1c.example.local/buh/ru_RU/"',
    tcpTarget:
      'must be host:port, such as "1c-server.example.local:1540" (the 1C server agent) or "10.0.0.5:1541"',
    timeoutBelowInterval: (interval) =>
      `must be shorter than intervalSeconds (${interval}), so one probe ends before the next is due`,
    cronFields: (cron, count) =>
      `must have five fields: minute hour day-of-month month day-of-week, such as "0 1 * * *" (every night at 01:00); "${cron}" has ${count}`,
    cronInvalid: (detail) =>
      `is not a cron pattern (${detail}); write it like "0 1 * * *" (every night at 01:00) or "0 22 * * 0" (Sundays at 22:00)`,
    cronNever: 'never comes: no date matches it',
    endsAfterStart: (startsFrom) => `must be after startsFrom (${startsFrom})`,
    notAStart: (cron, zone) =>
      `is not a start of this window (${cron} in ${zone}); pick one from its list of occurrences`,
    moveInPast: 'would end in the past; pick a later time',
  },
  ru: {
    httpTarget: 'должна быть адресом http:// или https://, например «https://1c.example.local/buh/ru_RU/»',
    tcpTarget:
      'должна быть в виде «узел:порт», например «1c-server.example.local:1540» (агент сервера 1С) или «10.0.0.5:1541»',
    timeoutBelowInterval: (interval) =>
      `должно быть меньше intervalSeconds (${interval}), чтобы проверка заканчивалась до начала следующей`,
    cronFields: (cron, count) =>
      `нужно пять полей: минута, час, день месяца, месяц, день недели, например «0 1 * * *» (каждую ночь в 01:00); в «${cron}» их ${count}`,
    cronInvalid: (detail) =>
      `не является расписанием cron (${detail}); пишите, например, «0 1 * * *» (каждую ночь в 01:00) или «0 22 * * 0» (по воскресеньям в 22:00)`,
    cronNever: 'никогда не наступит: ни одна дата ему не подходит',
    endsAfterStart: (startsFrom) => `должно быть позже startsFrom (${startsFrom})`,
    notAStart: (cron, zone) =>
      `не является началом этого окна (${cron}, пояс ${zone}); выберите время из списка его повторений`,
    moveInPast: 'закончится в прошлом; выберите более позднее время',
  },
  lv: {
    httpTarget: 'jābūt http:// vai https:// adresei, piemēram, "https://1c.example.local/buh/ru_RU/"',
    tcpTarget:
      'jābūt formā "resursdators:ports", piemēram, "1c-server.example.local:1540" (1C servera aģents) vai "10.0.0.5:1541"',
    timeoutBelowInterval: (interval) =>
      `jābūt īsākam par intervalSeconds (${interval}), lai pārbaude beigtos pirms nākamās`,
    cronFields: (cron, count) =>
      `vajadzīgi pieci lauki: minūte, stunda, mēneša diena, mēnesis, nedēļas diena, piemēram, "0 1 * * *" (katru nakti 01:00); "${cron}" ir ${count}`,
    cronInvalid: (detail) =>
      `nav cron grafiks (${detail}); rakstiet, piemēram, "0 1 * * *" (katru nakti 01:00) vai "0 22 * * 0" (svētdienās 22:00)`,
    cronNever: 'nekad nepienāks: tam neatbilst neviens datums',
    endsAfterStart: (startsFrom) => `jābūt vēlāk par startsFrom (${startsFrom})`,
    notAStart: (cron, zone) =>
      `nav šī loga sākums (${cron}, josla ${zone}); izvēlieties laiku no tā atkārtojumu saraksta`,
    moveInPast: 'beigsies pagātnē; izvēlieties vēlāku laiku',
  },
};

/** The rule words in `language` (English when it is none of ours). */
export function automationRuleWords(language = 'en'): AutomationRuleWords {
  return WORDS[wordsLanguage(language)];
}
