const DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "le jeudi 12 mars de 09:00 à 10:00", in the schools' time zone whatever the server's. */
export function frenchSlot(startsAt: Date, endsAt: Date): string {
  return `le ${DAY.format(startsAt)} de ${TIME.format(startsAt)} à ${TIME.format(endsAt)}`;
}
