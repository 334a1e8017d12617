import type { LintCode } from '../../../../contract/lint-warning.ts';
import type { PageLanguage } from '../../../../contract/page-languages.ts';

/** What the lint tells the administrator, per rule: what is wrong and how to fix it. */
export type LintTexts = Readonly<{
  [code in LintCode]: code extends 'too-long' | 'many-exclamations'
    ? (count: number, limit: number) => string
    : string;
}>;

/**
 * The lint's words in the console's languages (the API answers in the caller's `Accept-Language`).
 * The rules and word lists are in lint-message.ts and lint-words.ts.
 */
export const LINT_TEXTS: Readonly<Record<PageLanguage, LintTexts>> = {
  en: {
    'no-deadline':
      'Say when: add a time ("after {until}") or when the next update comes, so people know how long to wait.',
    'too-long': (count, limit) =>
      `Too long: ${count} characters; keep the main text within ${limit} and move detail to the help link.`,
    jargon: 'Technical words: say it in plain words; error details belong behind "Show details".',
    'all-caps': 'Capital letters read as shouting: write these words in normal case.',
    'no-contact':
      'No way to reach you: set a help text or help link (in the message or in settings), or add a phone.',
    'repeated-contact':
      'The help text under the message already gives this, so people read it twice: remove it from the message.',
    'many-exclamations': (count) => `${count} exclamation marks: one at most keeps the tone calm.`,
    'repeated-apology': 'One apology is enough: say what you are doing instead.',
  },
  ru: {
    'no-deadline':
      'Скажите, когда: добавьте время («после {until}») или когда будет следующее сообщение, чтобы люди знали, сколько ждать.',
    'too-long': (count, limit) =>
      `Слишком длинно: ${count} символов. Уложите основной текст в ${limit}, подробности — по ссылке помощи.`,
    jargon: 'Технические слова: скажите простыми словами; подробности ошибки — в «Показать подробности».',
    'all-caps': 'Заглавные буквы читаются как крик: напишите эти слова обычными буквами.',
    'no-contact':
      'Не сказано, как с вами связаться: задайте текст или ссылку помощи (в сообщении или в настройках) или добавьте телефон.',
    'repeated-contact':
      'Это уже есть в тексте помощи под сообщением, и люди прочтут его дважды: уберите из сообщения.',
    'many-exclamations': (count) => `Восклицательных знаков: ${count}. Не больше одного — так спокойнее.`,
    'repeated-apology': 'Достаточно одного извинения: лучше скажите, что вы делаете.',
  },
  lv: {
    'no-deadline':
      'Pasakiet, kad: pievienojiet laiku ("pēc {until}") vai kad būs nākamā ziņa, lai cilvēki zina, cik ilgi gaidīt.',
    'too-long': (count, limit) =>
      `Pārāk garš: ${count} rakstzīmes. Ietilpiniet galveno tekstu ${limit} rakstzīmēs, sīkāku informāciju — palīdzības saitē.`,
    jargon: 'Tehniski vārdi: sakiet to vienkāršiem vārdiem; kļūdas detaļas der sadaļai "Rādīt detaļas".',
    'all-caps': 'Lielie burti izskatās kā kliegšana: rakstiet šos vārdus parastiem burtiem.',
    'no-contact':
      'Nav teikts, kā ar jums sazināties: iestatiet palīdzības tekstu vai saiti (ziņojumā vai iestatījumos) vai pievienojiet tālruni.',
    'repeated-contact':
      'Tas jau ir palīdzības tekstā zem ziņojuma, tāpēc cilvēki to izlasīs divreiz: izņemiet to no ziņojuma.',
    'many-exclamations': (count) => `${count} izsaukuma zīmes: ne vairāk kā viena — tā ir mierīgāk.`,
    'repeated-apology': 'Pietiek ar vienu atvainošanos: labāk pasakiet, ko jūs darāt.',
  },
};
