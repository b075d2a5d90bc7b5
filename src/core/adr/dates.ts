// Dates as people write them → YYYY-MM-DD, or null when nothing sure can be read.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * Months as records in French, German, Spanish and Portuguese name them (the labels header-fields
 * reads), accents left out: whole words, since three letters do not tell `juin` from `juillet`.
 */
const FOREIGN_MONTHS = new Map<string, number>(([
  ['janvier', 'januar', 'enero', 'janeiro'], ['fevrier', 'februar', 'febrero', 'fevereiro'], ['mars', 'marz', 'marzo', 'marco'],
  ['avril', 'abril'], ['mai', 'mayo', 'maio'], ['juin', 'juni', 'junio', 'junho'], ['juillet', 'juli', 'julio', 'julho'],
  ['aout', 'agosto'], ['septembre', 'septiembre', 'setembro'], ['octobre', 'oktober', 'octubre', 'outubro'],
  ['novembre', 'noviembre', 'novembro'], ['decembre', 'dezember', 'diciembre', 'dezembro'],
] as const).flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function monthIndex(word: string): number | null {
  const plain = withoutAccents(word);
  const foreign = FOREIGN_MONTHS.get(plain);
  if (foreign !== undefined) return foreign;
  const index = MONTHS.indexOf(plain.slice(0, 3));
  return index === -1 ? null : index + 1;
}

/** A day's name before a date (`jeudi 10 juin 2022`, `Thursday, 10 June 2022`): English, French, German, Spanish and Portuguese. */
const WEEKDAY = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira),?\s+(?=\S)/iu;

function format(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
/** `05/02/2018`, `10/04/18`: the order of day and month is the writer's habit. */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

export type DateOrder = 'day-first' | 'month-first';

function cleanDateText(value: string): string {
  // `{ 2024-09-10 }`, `[2023-03-01]`: a template's brackets left around a real date; `2025-11- 05`: a space typed beside a separator.
  return value.trim().replace(/^\{\s*(.*?)\s*\}$|^\[\s*(.*?)\s*\]$/s, '$1$2').replace(/^["']|["']$/g, '').trim().replace(/(\d)[ \t]*([-/.])[ \t]*(?=\d)/g, '$1$2');
}

/** The order a slashed date shows by itself (a part above 12 is the day), or null. */
export function slashedDateOrder(value: string): DateOrder | null {
  const m = SLASHED.exec(cleanDateText(value));
  if (!m) return null;
  if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'day-first';
  if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'month-first';
  return null;
}

/** A slashed date read in the order the other records of its folder show. */
export function readSlashedDate(value: string, order: DateOrder): string | null {
  const m = SLASHED.exec(cleanDateText(value));
  if (!m) return null;
  const year = (m[3] ?? '').length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const [day, month] = order === 'day-first' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return format(year, month, day);
}
/**
 * `2023-13-10`: year, day, month, where the second part cannot be a month and the third can;
 * the only date it can mean (2023-10-13), or null for any other text.
 */
export function yearDayMonthDate(value: string): string | null {
  const m = ISO.exec(cleanDateText(value));
  if (!m || Number(m[2]) <= 12 || Number(m[3]) > 12) return null;
  return format(Number(m[1]), Number(m[3]), Number(m[2]));
}
const MONTH_DAY_YEAR = /^(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
/** `10 June 2022`, `1er mai 2021`, `10. Juni 2022`, `6 de mayo de 2021`. */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}{3,})\.?,?\s+(?:de\s+)?(\d{4})$/u;
const MONTH_YEAR = /^(\p{L}{3,})\.?,?\s+(?:de\s+)?(\d{4})$/u;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function normalizeDate(value: unknown): string | null {
  // `date: [2023-03-01]`: a template's brackets kept around the date make YAML's one-item list.
  if (Array.isArray(value) && value.length === 1) return normalizeDate(value[0]);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return normalizeDate(String(value));
  if (typeof value !== 'string') return null;
  const text = cleanDateText(value).replace(WEEKDAY, '');
  let m = ISO.exec(text);
  if (m) return format(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(text);
  if (m) return format(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // 05/04/2024 reads either way: only accept it when one side cannot be a month.
    if (text.includes('/') && a <= 12 && b <= 12 && a !== b) return null;
    return text.includes('/') && b > 12 ? format(Number(m[3]), a, b) : format(Number(m[3]), b, a);
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    return month === null ? null : format(Number(m[3]), month, Number(m[2]));
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthIndex(m[2] ?? '');
    return month === null ? null : format(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    return month === null ? null : format(Number(m[2]), month, 1);
  }
  m = YEAR_MONTH.exec(text);
  if (m) return format(Number(m[1]), Number(m[2]), 1);
  // `2018-08-30; Last update date: 2019-04-09`, `February 2024 (7.0.0)`: the date, then a remark about it.
  const remark = REMARK.exec(text);
  return remark ? normalizeDate(text.slice(0, remark.index)) : null;
}

/** Where a remark after a date starts: a semicolon or an opening bracket. */
const REMARK = /\s*[;(]/;
