import { registerTemplates, type MessageTemplate } from '../../../blocks/messaging/index.js';

/** The alert every registered owner gets when a notary opens a sale of their property. */
export const saleOpenedTemplate: MessageTemplate = {
  id: 'e-notary.sale-opened',
  note: 'Sent to each registered owner of a flat as soon as a notary opens a sale of it. {cadastralNumber}: the flat; {address}: its address; {notary}: the notary’s name. The link opens the alert page with the “this is not me” button.',
  kk: {
    subject: 'Сіздің пәтеріңізді сату рәсімделуде: {cadastralNumber}',
    body: 'Нотариус {notary} {address} мекенжайындағы пәтерді ({cadastralNumber}) сату шартын рәсімдеуді бастады.\n\nЕгер сіз бұл пәтерді сатпасаңыз, «Бұл мен емеспін» батырмасын басыңыз: шарт тексеру аяқталғанша тоқтатылады.',
  },
  ru: {
    subject: 'Оформляется продажа вашей квартиры: {cadastralNumber}',
    body: 'Нотариус {notary} начал(а) оформление договора купли-продажи квартиры по адресу {address} ({cadastralNumber}).\n\nЕсли вы не продаёте эту квартиру, нажмите «Это не я»: договор будет заморожен до проверки.',
  },
  en: {
    subject: 'A sale of your flat is being prepared: {cadastralNumber}',
    body: 'Notary {notary} has opened a contract of sale of the flat at {address} ({cadastralNumber}).\n\nIf you are not selling this flat, press “This is not me”: the act will be frozen pending review.',
  },
};

/** Sent to the notary when an owner reports "this is not me". */
export const actFrozenTemplate: MessageTemplate = {
  id: 'e-notary.act-frozen',
  note: 'Sent to the notary when a registered owner reports “this is not me” on a sale: the act is frozen until a reviewer clears or cancels it. {cadastralNumber}: the flat.',
  kk: {
    subject: 'Шарт тоқтатылды: {cadastralNumber}',
    body: 'Тіркелген меншік иесі {cadastralNumber} пәтерін сату туралы «Бұл мен емеспін» деп хабарлады. Шарт тексеру аяқталғанша тоқтатылды.',
  },
  ru: {
    subject: 'Договор заморожен: {cadastralNumber}',
    body: 'Зарегистрированный собственник сообщил «Это не я» о продаже квартиры {cadastralNumber}. Договор заморожен до проверки.',
  },
  en: {
    subject: 'Act frozen: {cadastralNumber}',
    body: 'A registered owner reported “this is not me” about the sale of flat {cadastralNumber}. The act is frozen pending review.',
  },
};

/** Sent to the notary when a reviewer releases or cancels an act an owner had frozen. */
export const actReviewedTemplate: MessageTemplate = {
  id: 'e-notary.act-reviewed',
  note: 'Sent to the notary when a reviewer has decided on an act frozen by an owner’s “this is not me”: released (the notary runs the checks again) or cancelled. {cadastralNumber}: the flat; {reason}: the reviewer’s reason, as written.',
  kk: {
    subject: 'Тоқтатылған шарт бойынша шешім: {cadastralNumber}',
    body: '{cadastralNumber} пәтерін сату туралы тоқтатылған шарт қаралды. Шешімнің себебі: {reason}\n\nШарттың жағдайын оның бетінен қараңыз: босатылған шарт үшін тексерулерді қайта жүргізіңіз.',
  },
  ru: {
    subject: 'Решение по замороженному договору: {cadastralNumber}',
    body: 'Замороженный договор купли-продажи квартиры {cadastralNumber} рассмотрен. Причина решения: {reason}\n\nСостояние договора — на его странице; если договор разморожен, проведите проверки заново.',
  },
  en: {
    subject: 'Decision on a frozen act: {cadastralNumber}',
    body: 'The frozen act of sale of flat {cadastralNumber} has been reviewed. Reason given: {reason}\n\nSee the act’s page for its status; if it was released, run the checks again.',
  },
};

/** Registers the app's templates (idempotent: the same template twice is accepted). */
export const registerENotaryTemplates = () =>
  registerTemplates([saleOpenedTemplate, actFrozenTemplate, actReviewedTemplate]);
