import type { Localised } from '../../../blocks/services/index.js';

const l = (kk: string, ru: string, en: string): Localised => ({ kk, ru, en });

/** The kinds of appeal the APPC names. */
export const APPEAL_KINDS = {
  application: l('Өтініш', 'Заявление', 'Application'),
  complaint: l('Шағым', 'Жалоба', 'Complaint'),
  request: l('Сұрау салу', 'Запрос', 'Request'),
  proposal: l('Ұсыныс', 'Предложение', 'Proposal'),
  response: l('Пікір', 'Отклик', 'Response'),
} as const;
export type AppealKind = keyof typeof APPEAL_KINDS;

/** Subject categories: what routing and the similar-appeal clusters group by. */
export const APPEAL_CATEGORIES = {
  'housing-utilities': l(
    'Тұрғын үй-коммуналдық шаруашылық',
    'Жилищно-коммунальное хозяйство',
    'Housing and utilities',
  ),
  'roads-transport': l('Жолдар және көлік', 'Дороги и транспорт', 'Roads and transport'),
  education: l('Білім беру', 'Образование', 'Education'),
  health: l('Денсаулық сақтау', 'Здравоохранение', 'Health'),
  'social-protection': l('Әлеуметтік қорғау', 'Социальная защита', 'Social protection'),
  'digital-services': l(
    'Цифрлық мемлекеттік қызметтер',
    'Цифровые государственные услуги',
    'Digital public services',
  ),
  land: l('Жер қатынастары', 'Земельные отношения', 'Land'),
  ecology: l('Экология', 'Экология', 'Environment'),
  other: l('Басқа', 'Другое', 'Other'),
} as const;
export type AppealCategory = keyof typeof APPEAL_CATEGORIES;

/** Regions of Kazakhstan: the cities of republican significance and the regions (oblys). */
export const APPEAL_REGIONS = {
  astana: l('Астана қаласы', 'город Астана', 'Astana city'),
  almaty: l('Алматы қаласы', 'город Алматы', 'Almaty city'),
  shymkent: l('Шымкент қаласы', 'город Шымкент', 'Shymkent city'),
  abai: l('Абай облысы', 'область Абай', 'Abai region'),
  akmola: l('Ақмола облысы', 'Акмолинская область', 'Akmola region'),
  aktobe: l('Ақтөбе облысы', 'Актюбинская область', 'Aktobe region'),
  'almaty-region': l('Алматы облысы', 'Алматинская область', 'Almaty region'),
  atyrau: l('Атырау облысы', 'Атырауская область', 'Atyrau region'),
  'east-kazakhstan': l(
    'Шығыс Қазақстан облысы',
    'Восточно-Казахстанская область',
    'East Kazakhstan region',
  ),
  zhambyl: l('Жамбыл облысы', 'Жамбылская область', 'Zhambyl region'),
  zhetysu: l('Жетісу облысы', 'область Жетісу', 'Zhetysu region'),
  'west-kazakhstan': l(
    'Батыс Қазақстан облысы',
    'Западно-Казахстанская область',
    'West Kazakhstan region',
  ),
  karaganda: l('Қарағанды облысы', 'Карагандинская область', 'Karaganda region'),
  kostanay: l('Қостанай облысы', 'Костанайская область', 'Kostanay region'),
  kyzylorda: l('Қызылорда облысы', 'Кызылординская область', 'Kyzylorda region'),
  mangystau: l('Маңғыстау облысы', 'Мангистауская область', 'Mangystau region'),
  pavlodar: l('Павлодар облысы', 'Павлодарская область', 'Pavlodar region'),
  'north-kazakhstan': l(
    'Солтүстік Қазақстан облысы',
    'Северо-Казахстанская область',
    'North Kazakhstan region',
  ),
  turkistan: l('Түркістан облысы', 'Туркестанская область', 'Turkistan region'),
  ulytau: l('Ұлытау облысы', 'область Ұлытау', 'Ulytau region'),
} as const;
export type AppealRegion = keyof typeof APPEAL_REGIONS;

export const options = (entries: Record<string, Localised>) =>
  Object.entries(entries).map(([value, label]) => ({ value, label }));
