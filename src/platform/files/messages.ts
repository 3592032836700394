import { defineMessages } from '../i18n/catalogue.js';

/** Messages of file uploads and downloads. */
export const filesMessages = defineMessages({
  'error.FILES_TOO_LARGE': {
    note: 'Error when an uploaded file is larger than the deployment allows; {limitMb} is the limit in megabytes, e.g. 10',
    kk: 'Файл тым үлкен. Ең үлкен өлшемі — {limitMb} МБ',
    ru: 'Файл слишком большой. Наибольший размер — {limitMb} МБ',
    en: 'The file is too large. The largest size allowed is {limitMb} MB',
  },
  'error.FILES_EMPTY': {
    note: 'Error when an uploaded file has no content at all',
    kk: 'Файл бос',
    ru: 'Файл пустой',
    en: 'The file is empty',
  },
  'error.FILES_TYPE_NOT_ALLOWED': {
    note: 'Error when an uploaded file is of a kind this form does not accept; {allowed} lists the accepted kinds, e.g. "PDF, JPEG, PNG"',
    kk: 'Бұл файл түрі қабылданбайды. Қабылданатын түрлері: {allowed}',
    ru: 'Этот тип файла не принимается. Принимаются: {allowed}',
    en: 'This type of file is not accepted. Accepted types: {allowed}',
  },
  'error.FILES_TYPE_MISMATCH': {
    note: 'Error when a file name ends in one type (e.g. .pdf) but its content is another (e.g. a PNG image); {extension} is the extension the content has',
    kk: 'Файл атауындағы кеңейтім оның мазмұнына сәйкес келмейді (мазмұны бойынша: .{extension})',
    ru: 'Расширение в имени файла не соответствует его содержимому (по содержимому: .{extension})',
    en: 'The file name’s extension does not match its content (the content is .{extension})',
  },
  'error.FILES_NAME_INVALID': {
    note: 'Error when an uploaded file has no usable name (empty, too long, or with control characters)',
    kk: 'Файл атауы дұрыс емес',
    ru: 'Неверное имя файла',
    en: 'The file name is not valid',
  },
  'error.FILES_NOT_FOUND': {
    note: 'Error when a requested file does not exist',
    kk: 'Файл табылмады',
    ru: 'Файл не найден',
    en: 'File not found',
  },
});
