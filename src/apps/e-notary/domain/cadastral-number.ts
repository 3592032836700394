/*
 * Kazakhstan cadastral numbers.
 *
 * Source: the land cadastre assigns every plot a number built from territorial codes (Rules of
 * keeping the state land cadastre, Government Decree No. 958 of 20 September 2003, and its list of
 * codes of regions, cities and districts "for forming cadastral numbers of land plots"):
 *
 *   RR:DDD:QQQ:PPP[:B[:F]]      e.g. 20:315:026:004 (a plot), 20:315:026:004:1:7 (flat 7 in building 1)
 *   RR   region (oblast or city of republican significance), 2 digits
 *   DDD  district or city of regional significance, 3 digits
 *   QQQ  cadastral quarter, 3 digits
 *   PPP  plot within the quarter, 3 or 4 digits (large quarters run past 999)
 *   B    building on the plot, 1–3 digits (the real-estate register's extension)
 *   F    premises (flat, office) in that building, 1–4 digits
 *
 * Assumptions, since the codes list is not published as data: no territorial segment is all
 * zeros, and building and premises numbers start at 1 with no leading zero. Letter suffixes some
 * old registrations carry (`/А`) are not accepted: such numbers are re-registered on the next deal.
 * ':' separates segments; the premises may also follow a '/', as the real-estate register writes
 * it (`20:311:004:017:1/15`); spaces around the number are ignored. `registerSpelling` gives the
 * register's form, the one a look-up must use.
 */

export type CadastralLevel = 'plot' | 'building' | 'premises';

export interface CadastralNumber {
  /** The number as written canonically. */
  value: string;
  level: CadastralLevel;
  region: string;
  district: string;
  quarter: string;
  plot: string;
  building: string | null;
  premises: string | null;
}

export type CadastralCheck =
  | ({ valid: true } & CadastralNumber)
  | { valid: false; code: 'ENOTARY_CADASTRAL_INVALID_FORMAT' | 'ENOTARY_CADASTRAL_ZERO_SEGMENT' };

const SHAPE = /^(\d{2}):(\d{3}):(\d{3}):(\d{3,4})(?::(\d{1,3})(?:[:/](\d{1,4}))?)?$/;

export function parseCadastralNumber(text: string): CadastralCheck {
  const match = SHAPE.exec(text.trim());
  if (!match) return { valid: false, code: 'ENOTARY_CADASTRAL_INVALID_FORMAT' };
  const [, region, district, quarter, plot, building, premises] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  if ([region, district, quarter, plot].some((segment) => /^0+$/.test(segment))) {
    return { valid: false, code: 'ENOTARY_CADASTRAL_ZERO_SEGMENT' };
  }
  if ([building, premises].some((segment) => segment !== undefined && segment.startsWith('0'))) {
    return { valid: false, code: 'ENOTARY_CADASTRAL_ZERO_SEGMENT' };
  }
  return {
    valid: true,
    value: match[0],
    level: premises ? 'premises' : building ? 'building' : 'plot',
    region,
    district,
    quarter,
    plot,
    building: building ?? null,
    premises: premises ?? null,
  };
}

/** The number as the real-estate register writes it: premises after a '/'. */
export function registerSpelling(number: CadastralNumber): string {
  const plot = `${number.region}:${number.district}:${number.quarter}:${number.plot}`;
  if (number.building === null) return plot;
  return number.premises === null
    ? `${plot}:${number.building}`
    : `${plot}:${number.building}/${number.premises}`;
}

export const isCadastralNumber = (text: string): boolean => parseCadastralNumber(text).valid;
