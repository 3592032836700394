import { defineMessages } from '../../platform/i18n/catalogue.js';

const m = (note: string, kk: string, ru: string, en: string) => ({ note, kk, ru, en });

/**
 * Messages of the Redevelopment app: its refusals (`error.<CODE>`), the signed document's title
 * and summary labels, and the pages.
 */
export const redevelopmentMessages = defineMessages({
  'error.REDEV_PERSON_UNKNOWN': m(
    'Refusal: the signed-in account has no person with a national identifier',
    'Тіркелгіде жеке сәйкестендіру нөмірі жоқ.',
    'У учётной записи нет ИИН.',
    'This account has no national identifier.',
  ),
  'error.REDEV_NOT_AN_ARCHITECT': m(
    'Refusal: the licence registry holds no architect licence for the signed-in person',
    'Лицензиялар тізілімінде сіздің сәулетші лицензияңыз жоқ.',
    'В реестре лицензий нет вашей лицензии архитектора.',
    'The licence registry holds no architect licence of yours.',
  ),
  'error.REDEV_LICENCE_SUSPENDED': m(
    'Refusal: the architect licence {licence} is suspended',
    '{licence} лицензиясы тоқтатылған: қайта жоспарлауды беруге болмайды.',
    'Лицензия {licence} приостановлена: подать перепланировку нельзя.',
    'Licence {licence} is suspended: you may not file a redevelopment.',
  ),
  'error.REDEV_LICENCE_REVOKED': m(
    'Refusal: the architect licence {licence} is revoked',
    '{licence} лицензиясы кері қайтарылған.',
    'Лицензия {licence} отозвана.',
    'Licence {licence} is revoked.',
  ),
  'error.REDEV_LICENCE_NOT_YET_VALID': m(
    'Refusal: the architect licence {licence} is not yet in force',
    '{licence} лицензиясы әлі күшіне енбеген.',
    'Лицензия {licence} ещё не действует.',
    'Licence {licence} is not yet in force.',
  ),
  'error.REDEV_LICENCE_EXPIRED': m(
    'Refusal: the architect licence {licence} has expired',
    '{licence} лицензиясының мерзімі өтіп кеткен.',
    'Срок действия лицензии {licence} истёк.',
    'Licence {licence} has expired.',
  ),
  'error.REDEV_LICENCE_CATEGORY': m(
    'Refusal: the architect licence {licence} is of a category that does not cover residential buildings (I or II needed)',
    '{licence} лицензиясының санаты тұрғын үйлерді қамтымайды: I немесе II санат қажет.',
    'Категория лицензии {licence} не распространяется на жилые дома: нужна I или II категория.',
    'The category of licence {licence} does not cover residential buildings: category I or II is needed.',
  ),
  'error.REDEV_FLAT_NOT_FOUND': m(
    'Refusal: no flat with this cadastral number in the real-estate registry',
    'Жылжымайтын мүлік тізілімінде мұндай кадастрлық нөмірі бар пәтер жоқ.',
    'В правовом кадастре нет квартиры с таким кадастровым номером.',
    'The real-estate registry holds no flat with this cadastral number.',
  ),
  'error.REDEV_NEEDS_EXPERT_REVIEW': m(
    'Refusal: the architect chose self-certification for changes (load-bearing walls, gas or common property) that must go to expert review',
    'Көтергіш қабырғаларды, газды немесе ортақ мүлікті өзгертуді өз бетінше растауға болмайды: «Әкімдіктің сараптамасы» жолын таңдаңыз.',
    'Изменения несущих стен, газа или общего имущества нельзя самосертифицировать: выберите «Экспертиза акимата».',
    'Changes to load-bearing walls, gas or common property may not be self-certified: choose expert review.',
  ),
  'error.REDEV_SELF_CERTIFICATION_MISSING': m(
    'Refusal: self-certification chosen but the architect did not certify compliance',
    'Өз бетінше растау үшін жоспардың нормаларға сәйкестігін растаңыз.',
    'Для самосертификации подтвердите соответствие плана нормам.',
    'To self-certify, certify that the plan complies with the codes.',
  ),
  'error.REDEV_ARCHITECT_RESTRICTED': m(
    'Refusal: the architect lost self-certification rights after two revoked registrations, until {until}; expert review stays open',
    'Сізде {until} дейін өз бетінше растау құқығы жоқ (екі тіркеу жойылған). Жоспарды сараптамаға беруге болады.',
    'Вы лишены права самосертификации до {until} (отменены две регистрации). План можно подать на экспертизу.',
    'You may not self-certify until {until} (two registrations revoked). You may file for expert review.',
  ),
  'error.REDEV_FILING_NOT_FOUND': m(
    'Refusal: no such redevelopment filing, or not one the reader may see',
    'Мұндай өтінім табылмады.',
    'Такая заявка не найдена.',
    'No such filing.',
  ),
  'error.REDEV_NOT_AN_OWNER': m(
    'Refusal: the signed-in person is not an owner whose consent this filing asks',
    'Бұл өтінім сіздің келісіміңізді сұрамайды.',
    'Эта заявка не запрашивает вашего согласия.',
    'This filing does not ask for your consent.',
  ),
  'error.REDEV_CONSENT_CLOSED': m(
    'Refusal: the filing no longer waits for consents',
    'Өтінім енді келісім күтпейді.',
    'Заявка больше не ожидает согласий.',
    'The filing no longer waits for consents.',
  ),
  'error.REDEV_CONSENT_ALREADY_ANSWERED': m(
    'Refusal: the owner has already answered; an answer is final',
    'Сіз жауап беріп қойдыңыз.',
    'Вы уже ответили.',
    'You have already answered.',
  ),
  'error.REDEV_NOT_INSPECTOR': m(
    'Refusal: only an officer of the inspecting akimat decides on audits',
    'Тексеру туралы шешімді тек әкімдік инспекторы қабылдайды.',
    'Решение по проверке принимает только инспектор акимата.',
    'Only an inspector of the akimat decides on inspections.',
  ),
  'error.REDEV_REGISTRATION_NOT_FOUND': m(
    'Refusal: no registration picked for inspection with this id',
    'Тексеруге таңдалған мұндай тіркеу жоқ.',
    'Нет такой регистрации, отобранной для проверки.',
    'No such registration picked for inspection.',
  ),
  'error.REDEV_AUDIT_ALREADY_DECIDED': m(
    'Refusal: the inspection of this registration is already decided',
    'Бұл тіркеуді тексеру бойынша шешім қабылданған.',
    'По этой регистрации решение уже принято.',
    'This inspection is already decided.',
  ),
  'error.REDEV_REASONS_REQUIRED': m(
    'Refusal: the inspector must give reasons, at most {max} characters',
    'Себептерін жазыңыз ({max} таңбадан аспайды).',
    'Укажите причины (не более {max} символов).',
    'Give the reasons (at most {max} characters).',
  ),
  'redev.document.title': m(
    'Title of the signed registration document of a redevelopment',
    'Пәтерді қайта жоспарлауды тіркеу туралы куәлік',
    'Свидетельство о регистрации перепланировки квартиры',
    'Certificate of registration of a flat redevelopment',
  ),
  'redev.summary.flat': m(
    'Label on the public verification page: the flat’s cadastral number',
    'Пәтер',
    'Квартира',
    'Flat',
  ),
  'redev.document.selfCertification': m(
    'Title of the architect’s signed self-certification of a redevelopment plan',
    'Сәулетшінің қайта жоспарлау жобасының талаптарға сәйкестігі туралы өз өтініші',
    'Самостоятельное подтверждение архитектором соответствия проекта перепланировки',
    'Architect’s self-certification of a redevelopment plan',
  ),
  'redev.summary.licence': m(
    'Label on the public verification page: the architect’s licence number',
    'Сәулетшінің лицензиясы',
    'Лицензия архитектора',
    'Architect’s licence',
  ),
});
