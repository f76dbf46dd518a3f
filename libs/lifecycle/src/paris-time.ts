/** Collectivités live on French time: "today" and printed dates follow Europe/Paris, not the server's zone. */
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const FRENCH_DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** YYYY-MM-DD in Paris. */
export function parisDate(instant: Date = new Date()): string {
  return DAY.format(instant);
}

/** 25/11/2026 for a YYYY-MM-DD date or an instant. */
export function frenchDate(value: string | Date): string {
  return typeof value === 'string' ? value.split('-').reverse().join('/') : FRENCH_DATE.format(value);
}

export function frenchDateTime(instant: Date | string): string {
  return FRENCH_DATE_TIME.format(new Date(instant)).replace(' ', ' à ');
}
