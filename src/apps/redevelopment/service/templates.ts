import { registerTemplates, type MessageTemplate } from '../../../blocks/messaging/index.js';

const template = (
  id: string,
  note: string,
  kk: [string, string],
  ru: [string, string],
  en: [string, string],
): MessageTemplate => ({
  id: `redevelopment.${id}`,
  note,
  kk: { subject: kk[0], body: kk[1] },
  ru: { subject: ru[0], body: ru[1] },
  en: { subject: en[0], body: en[1] },
});

export const TEMPLATES = {
  consentRequested: template(
    'consent-requested',
    'Sent to each owner whose consent a redevelopment needs. {cadastralNumber}: the flat; {address}: its address; {architect}: the architect’s name. The link opens the filing with the consent buttons.',
    [
      'Қайта жоспарлауға келісіміңіз сұралады: {cadastralNumber}',
      'Сәулетші {architect} {address} мекенжайындағы пәтерді ({cadastralNumber}) қайта жоспарлауды тіркеуге берді. Келісесіз бе, жоқ па — сілтеме арқылы жауап беріңіз.',
    ],
    [
      'Запрошено ваше согласие на перепланировку: {cadastralNumber}',
      'Архитектор {architect} подал(а) на регистрацию перепланировку квартиры по адресу {address} ({cadastralNumber}). Дайте согласие или откажите по ссылке.',
    ],
    [
      'Your consent to a redevelopment is asked: {cadastralNumber}',
      'Architect {architect} has filed a redevelopment of the flat at {address} ({cadastralNumber}). Give or refuse your consent by the link.',
    ],
  ),
  registered: template(
    'registered',
    'Sent to the architect and the flat’s owners when a redevelopment is registered. {cadastralNumber}: the flat; {number}: the registration number. The link opens the filing with the signed document and its verification link.',
    [
      'Қайта жоспарлау тіркелді: {number}',
      '{cadastralNumber} пәтерінің жаңа жоспары {number} нөмірімен тіркелді. Қол қойылған құжат пен оны тексеру сілтемесі — сілтеме бойынша.',
    ],
    [
      'Перепланировка зарегистрирована: {number}',
      'Новый план квартиры {cadastralNumber} зарегистрирован под номером {number}. Подписанный документ и ссылка для его проверки — по ссылке.',
    ],
    [
      'Redevelopment registered: {number}',
      'The new plan of flat {cadastralNumber} is registered as {number}. The signed document and its verification link are behind the link.',
    ],
  ),
  expertReview: template(
    'expert-review',
    'Sent to the architect when the owners consented and the plan went to the akimat’s expert review. {cadastralNumber}: the flat.',
    [
      'Жоспар сараптамаға жіберілді: {cadastralNumber}',
      'Меншік иелері келісті; {cadastralNumber} пәтерінің жоспары әкімдіктің сараптамасына жіберілді.',
    ],
    [
      'План направлен на экспертизу: {cadastralNumber}',
      'Собственники согласились; план квартиры {cadastralNumber} направлен на экспертизу акимата.',
    ],
    [
      'Plan sent to expert review: {cadastralNumber}',
      'The owners consented; the plan of flat {cadastralNumber} went to the akimat’s expert review.',
    ],
  ),
  ownersRefused: template(
    'owners-refused',
    'Sent to the architect when an owner of the flat refused, or too many building owners refused for two thirds. {cadastralNumber}: the flat. Nothing was registered.',
    [
      'Меншік иелері келіспеді: {cadastralNumber}',
      '{cadastralNumber} пәтерін қайта жоспарлауға келісім алынбады. Ештеңе тіркелген жоқ.',
    ],
    [
      'Собственники не согласились: {cadastralNumber}',
      'Согласие на перепланировку квартиры {cadastralNumber} не получено. Ничего не зарегистрировано.',
    ],
    [
      'Owners refused: {cadastralNumber}',
      'The consent to the redevelopment of flat {cadastralNumber} was not obtained. Nothing was registered.',
    ],
  ),
  refused: template(
    'refused',
    'Sent to the architect when the akimat’s expert refused the plan. {cadastralNumber}: the flat; {reason}: the expert’s reason as written.',
    [
      'Жоспардан бас тартылды: {cadastralNumber}',
      'Сарапшы {cadastralNumber} пәтерінің жоспарынан бас тартты. Себебі: {reason}',
    ],
    [
      'В регистрации плана отказано: {cadastralNumber}',
      'Эксперт отказал в регистрации плана квартиры {cadastralNumber}. Причина: {reason}',
    ],
    [
      'Plan refused: {cadastralNumber}',
      'The expert refused the plan of flat {cadastralNumber}. Reason: {reason}',
    ],
  ),
  revoked: template(
    'revoked',
    'Sent to the architect and the flat’s owners when an inspector revoked a registration after the audit. {number}: the registration; {reason}: the inspector’s reasons as written.',
    [
      'Тіркеу жойылды: {number}',
      'Инспектор тексеруден кейін {number} тіркеуін жойды. Себебі: {reason}',
    ],
    [
      'Регистрация отменена: {number}',
      'Инспектор по итогам проверки отменил регистрацию {number}. Причина: {reason}',
    ],
    [
      'Registration revoked: {number}',
      'After the inspection the inspector revoked registration {number}. Reason: {reason}',
    ],
  ),
};

export const registerRedevTemplates = () => registerTemplates(Object.values(TEMPLATES));
