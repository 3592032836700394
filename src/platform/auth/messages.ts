import { defineMessages } from '../i18n/catalogue.js';

/** Messages of the kernel's authentication: guards and API keys. */
export const authMessages = defineMessages({
  'error.AUTH_SIGN_IN_REQUIRED': {
    note: 'Error when a page or API call needs a signed-in person or an API key and has neither',
    kk: 'Жүйеге кіріңіз',
    ru: 'Войдите в систему',
    en: 'Sign in to continue',
  },
  'error.AUTH_SESSION_EXPIRED': {
    note: 'Error or notice when the sign-in session ended (idle too long or too old)',
    kk: 'Сеансыңыздың мерзімі өтті. Қайта кіріңіз',
    ru: 'Срок вашего сеанса истёк. Войдите снова',
    en: 'Your session has expired. Sign in again',
  },
  'error.AUTH_FORBIDDEN': {
    note: 'Error when the signed-in person has no role that allows this',
    kk: 'Бұл әрекетке рұқсатыңыз жоқ',
    ru: 'У вас нет прав на это действие',
    en: 'You are not allowed to do this',
  },
  'error.AUTH_SCOPE_MISSING': {
    note: 'Error when an API key lacks the scope (permission) a call needs; {scope} is its name',
    kk: 'API кілтінде «{scope}» рұқсаты жоқ',
    ru: 'У API-ключа нет разрешения «{scope}»',
    en: 'The API key lacks the scope "{scope}"',
  },
  'error.AUTH_INVALID_API_KEY': {
    note: 'Error when the API key in the Authorization header is unknown, malformed or revoked',
    kk: 'API кілті жарамсыз немесе кері қайтарылған',
    ru: 'API-ключ недействителен или отозван',
    en: 'The API key is invalid or has been revoked',
  },
});
