/** Every date, number and size the console shows, the French way, in the schools' time zone (whatever the browser's). */
export const LOCALE = 'fr-FR';
export const TIME_ZONE = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'long' });
const dayLong = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const dayShort = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric' });
const timeOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const integer = new Intl.NumberFormat(LOCALE);
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type DateInput = string | number | Date | null | undefined;
const toDate = (value: DateInput) => (value === null || value === undefined ? null : new Date(value));
const dash = '—';

export const formatDateTime = (value: DateInput) => (toDate(value) ? dateTime.format(toDate(value)!) : dash);
export const formatDate = (value: DateInput) => (toDate(value) ? dateOnly.format(toDate(value)!) : dash);
export const formatDay = (value: DateInput) => (toDate(value) ? dayLong.format(toDate(value)!) : dash);
export const formatDayShort = (value: DateInput) => (toDate(value) ? dayShort.format(toDate(value)!) : dash);
export const formatTime = (value: DateInput) => (toDate(value) ? timeOnly.format(toDate(value)!) : dash);
export const formatNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? dash : integer.format(value);
export const formatPercent = (share: number | null | undefined) =>
  share === null || share === undefined ? dash : percent.format(share);
export const formatEuros = (value: number | null | undefined) =>
  value === null || value === undefined ? dash : euros.format(value);

/** "12,5 Go": decimal units, as storage is sold. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return dash;
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(LOCALE, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** The wall-clock fields of an instant in Paris. */
export function parisParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const map = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: +map.year, month: +map.month, day: +map.day, hour: +map.hour, minute: +map.minute };
}

/** The instant at which Paris clocks show this date and time (summer and winter time included). */
export function parisInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let attempt = 0; attempt < 3; attempt++) {
    const shown = parisParts(new Date(guess));
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    guess += wanted - shownUtc;
  }
  return new Date(guess);
}

/** Monday 00:00 (Paris) of the week holding `instant`, plus `weeks`. */
export function parisWeekStart(instant: Date, weeks = 0): Date {
  const { year, month, day } = parisParts(instant);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(year, month - 1, day - weekday + weeks * 7));
  return parisInstant(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** `YYYY-MM-DD` and `HH:MM` of an instant in Paris, for date and time inputs. */
export function parisInputValues(instant: Date): { date: string; time: string } {
  const p = parisParts(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

export function fromParisInputs(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !h) return null;
  return parisInstant(+d[1], +d[2], +d[3], +h[1], +h[2]);
}
