import { registerTemplates, type MessageTemplate } from '../../../blocks/messaging/index.js';

/*
 * What the applicant is told, through the messaging block's one status feed: the inbox, the
 * email and the appeal page all render these same rows. Parameters are the same in every
 * language, so a body's name is given in all three (`{agency}`: "kk / ru / en") and dates as
 * YYYY-MM-DD, times as local HH:MM.
 */
export const OTINISH_TEMPLATES: MessageTemplate[] = [
  {
    id: 'e-otinish.registered',
    note: 'Sent when an appeal is registered (the coupon). {number} coupon number, {agency} receiving body, {receivedAt} local date and time of receipt, {registrationDate} registration day, {lastDay} last day of the 15-working-day term',
    kk: {
      subject: '№{number} өтініш тіркелді',
      body: 'Өтінішіңіз тіркелді.\n\nТалон нөмірі: {number}\nҚабылдаған орган: {agency}\nТүскен уақыты: {receivedAt}\nТіркелген күні: {registrationDate}\n\nЖауап {lastDay} дейін берілуі тиіс (ӘРПК 76-бабы).',
    },
    ru: {
      subject: 'Обращение №{number} зарегистрировано',
      body: 'Ваше обращение зарегистрировано.\n\nНомер талона: {number}\nПринявший орган: {agency}\nПоступило: {receivedAt}\nДата регистрации: {registrationDate}\n\nОтвет должен быть дан до {lastDay} включительно (статья 76 АППК).',
    },
    en: {
      subject: 'Appeal No. {number} registered',
      body: 'Your appeal has been registered.\n\nCoupon number: {number}\nReceiving body: {agency}\nReceived: {receivedAt}\nRegistration date: {registrationDate}\n\nThe answer is due by {lastDay} (APPC Art. 76).',
    },
  },
  {
    id: 'e-otinish.registered-not-considered',
    note: 'Sent when an anonymous appeal that reports neither a crime nor a threat is registered: it is not considered. {number}, {agency}, {receivedAt}, {registrationDate} as for a registered appeal',
    kk: {
      subject: '№{number} өтініш тіркелді, қаралмайды',
      body: 'Өтінішіңіз тіркелді.\n\nТалон нөмірі: {number}\nҚабылдаған орган: {agency}\nТүскен уақыты: {receivedAt}\nТіркелген күні: {registrationDate}\n\nЖасырын өтініш қылмыс немесе қауіпсіздікке қатер туралы болмаса, қаралмайды.',
    },
    ru: {
      subject: 'Обращение №{number} зарегистрировано, не рассматривается',
      body: 'Ваше обращение зарегистрировано.\n\nНомер талона: {number}\nПринявший орган: {agency}\nПоступило: {receivedAt}\nДата регистрации: {registrationDate}\n\nАнонимное обращение не рассматривается, если в нём не сообщается о преступлении или угрозе безопасности.',
    },
    en: {
      subject: 'Appeal No. {number} registered, not considered',
      body: 'Your appeal has been registered.\n\nCoupon number: {number}\nReceiving body: {agency}\nReceived: {receivedAt}\nRegistration date: {registrationDate}\n\nAn anonymous appeal is not considered unless it reports a crime or a threat to security.',
    },
  },
  {
    id: 'e-otinish.forwarded',
    note: 'Sent when an appeal outside the body’s competence is forwarded (APPC Art. 65). {number} new coupon number at the competent body, {from} the first body, {agency} the competent body, {reason} why, {lastDay} the new last day',
    kk: {
      subject: '№{number} өтініш құзыретті органға жіберілді',
      body: 'Өтінішіңіз {from} құзыретіне жатпайды және {agency} органына жіберілді (ӘРПК 65-бабы).\n\nСебебі: {reason}\n\nЖаңа талон нөмірі: {number}\nЖауап {lastDay} дейін берілуі тиіс.',
    },
    ru: {
      subject: 'Обращение №{number} перенаправлено в компетентный орган',
      body: 'Ваше обращение не относится к компетенции органа «{from}» и перенаправлено в «{agency}» (статья 65 АППК).\n\nПричина: {reason}\n\nНовый номер талона: {number}\nОтвет должен быть дан до {lastDay} включительно.',
    },
    en: {
      subject: 'Appeal No. {number} forwarded to the competent body',
      body: 'Your appeal is outside the competence of {from} and was forwarded to {agency} (APPC Art. 65).\n\nReason: {reason}\n\nNew coupon number: {number}\nThe answer is due by {lastDay}.',
    },
  },
  {
    id: 'e-otinish.extended',
    note: 'Sent when the head or deputy head extends the term of an appeal. {number} coupon number, {lastDay} new last day, {reasons} the reasons of the decision',
    kk: {
      subject: '№{number} өтінішті қарау мерзімі ұзартылды',
      body: 'Органның басшысы өтінішіңізді қарау мерзімін {lastDay} дейін ұзартты.\n\nСебептері: {reasons}',
    },
    ru: {
      subject: 'Срок рассмотрения обращения №{number} продлён',
      body: 'Руководство органа продлило срок рассмотрения вашего обращения до {lastDay} включительно.\n\nПричины: {reasons}',
    },
    en: {
      subject: 'The term of appeal No. {number} was extended',
      body: 'The head of the body extended the term of your appeal until {lastDay}.\n\nReasons: {reasons}',
    },
  },
  {
    id: 'e-otinish.hearing',
    note: 'Sent when the body intends an adverse decision and invites the applicant to comment (APPC Art. 73). {number} coupon number, {reasons} what the body intends and why, {earliest} the earliest day of the decision',
    kk: {
      subject: '№{number} өтініш бойынша тыңдау',
      body: 'Орган өтінішіңіз бойынша сізге қолайсыз шешім қабылдауды көздейді.\n\n{reasons}\n\nШешім {earliest} ерте қабылданбайды; оған дейін пікіріңізді жібере аласыз (ӘРПК 73-бабы).',
    },
    ru: {
      subject: 'Заслушивание по обращению №{number}',
      body: 'Орган намерен принять по вашему обращению неблагоприятное решение.\n\n{reasons}\n\nРешение будет принято не ранее {earliest}; до этого вы можете выразить своё мнение (статья 73 АППК).',
    },
    en: {
      subject: 'Hearing on appeal No. {number}',
      body: 'The body intends to decide your appeal against you.\n\n{reasons}\n\nThe decision will not be made before {earliest}; until then you may comment (APPC Art. 73).',
    },
  },
  {
    id: 'e-otinish.decided',
    note: 'Sent when the appeal is answered. {number} coupon number, {agency} the body that answered',
    kk: {
      subject: '№{number} өтінішке жауап берілді',
      body: '{agency} өтінішіңізге жауап берді.\n\nЖауапты, оның құқықтық негіздерін және шағымдану тәртібін өтініш бетінде оқыңыз; онда жауапты бағалай аласыз.',
    },
    ru: {
      subject: 'На обращение №{number} дан ответ',
      body: '«{agency}» ответил на ваше обращение.\n\nОтвет, его правовые основания и порядок обжалования — на странице обращения; там же можно оценить ответ.',
    },
    en: {
      subject: 'Appeal No. {number} answered',
      body: '{agency} has answered your appeal.\n\nRead the answer, its legal grounds and how to appeal it on the appeal page, where you can also rate the answer.',
    },
  },
  {
    id: 'e-otinish.deemed-refused',
    note: 'Sent when the term passed with no decision, so the appeal counts as refused (APPC Art. 91(2)). {number} coupon number, {lastDay} the last day of the term that passed',
    kk: {
      subject: '№{number} өтініш бас тартылған деп есептеледі',
      body: 'Өтінішіңіз {lastDay} дейін қаралмады, сондықтан ол бас тартылған деп есептеледі (ӘРПК 91-бабының 2-тармағы).\n\nЖоғары тұрған органға шағым дайын: оны өтініш бетінде бір қадаммен жібере аласыз.',
    },
    ru: {
      subject: 'Обращение №{number} считается отклонённым',
      body: 'Ваше обращение не рассмотрено до {lastDay} включительно и поэтому считается отклонённым (пункт 2 статьи 91 АППК).\n\nЖалоба в вышестоящий орган подготовлена: её можно подать в один шаг на странице обращения.',
    },
    en: {
      subject: 'Appeal No. {number} counts as refused',
      body: 'Your appeal was not decided by {lastDay}, so it counts as refused (APPC Art. 91(2)).\n\nA complaint to the higher body is drafted for you: file it in one step on the appeal page.',
    },
  },
  {
    id: 'e-otinish.complaint-filed',
    note: 'Sent when the applicant files the complaint about an appeal to the higher body. {number} the appeal complained about, {complaint} the complaint’s coupon number',
    kk: {
      subject: '№{number} өтініш бойынша шағым берілді',
      body: '№{number} өтініш бойынша шағымыңыз жоғары тұрған органға жіберілді. Шағымның талон нөмірі: {complaint}.',
    },
    ru: {
      subject: 'Подана жалоба по обращению №{number}',
      body: 'Ваша жалоба по обращению №{number} направлена в вышестоящий орган. Номер талона жалобы: {complaint}.',
    },
    en: {
      subject: 'Complaint filed about appeal No. {number}',
      body: 'Your complaint about appeal No. {number} was sent to the higher body. The complaint’s coupon number: {complaint}.',
    },
  },
];

/** Registers the templates; registering the same texts again (a second app instance) is a no-op. */
export function registerOtinishTemplates(): void {
  registerTemplates(OTINISH_TEMPLATES);
}
