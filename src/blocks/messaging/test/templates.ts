import type { MessageTemplate } from '../domain/template.js';

/** A template for tests, in the shape an app would register. */
export const appealRegisteredTemplate: MessageTemplate = {
  id: 'test-messaging.appeal-registered',
  note: 'Sent when an appeal is registered; {number} the coupon number, {agency} the receiving body',
  kk: {
    subject: '№{number} өтініш тіркелді',
    body: 'Құрметті өтініш беруші!\n\nСіздің №{number} өтінішіңізді {agency} тіркеді.\nШешім 15 жұмыс күні ішінде қабылданады.',
  },
  ru: {
    subject: 'Обращение №{number} зарегистрировано',
    body: 'Уважаемый заявитель!\n\nВаше обращение №{number} зарегистрировано: {agency}.\nРешение будет принято в течение 15 рабочих дней.',
  },
  en: {
    subject: 'Appeal No. {number} registered',
    body: 'Dear applicant,\n\nYour appeal No. {number} was registered by {agency}.\nA decision is due within 15 working days.',
  },
};
