import { formatDayShort, formatTime, parisInstant, parisParts } from '../../lib/format';
import { Session } from '../../lib/queries';
import { t } from '../../i18n/i18n';

export const DAY_HOURS = [8, 9, 10, 11, 13, 14, 15, 16];
export const SCHOOL_DAYS = 5;

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

export const overlaps = (a: Slot, session: Session) =>
  a.startsAt.getTime() < new Date(session.endsAt).getTime() &&
  new Date(session.startsAt).getTime() < a.endsAt.getTime();

/**
 * The pack's week as a table: one column a school day, one row an hour of class. A taken hour says
 * by whom (you or a colleague) and when; a free one is a button that fills the booking form.
 */
export function WeekCalendar({
  now,
  weekStart,
  sessions,
  classroomName,
  onPick,
}: {
  now: number;
  weekStart: Date;
  sessions: Session[];
  classroomName(id: string): string;
  onPick(slot: Slot): void;
}) {
  const days = Array.from({ length: SCHOOL_DAYS }, (_, index) => {
    const monday = parisParts(weekStart);
    const date = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + index));
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });
  const live = sessions.filter((session) => session.status !== 'cancelled');
  return (
    <div className="table-scroll calendar">
      <table>
        <caption>{t('teacher.book.calendarCaption', { week: formatDayShort(weekStart) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.book.hour')}</th>
            {days.map((day) => (
              <th scope="col" key={day.day}>
                {formatDayShort(parisInstant(day.year, day.month, day.day, 12))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAY_HOURS.map((hour) => (
            <tr key={hour}>
              <th scope="row">{t('teacher.book.hourRange', { from: hour, to: hour + 1 })}</th>
              {days.map((day) => {
                const slot = {
                  startsAt: parisInstant(day.year, day.month, day.day, hour),
                  endsAt: parisInstant(day.year, day.month, day.day, hour + 1),
                };
                const taken = live.find((session) => overlaps(slot, session));
                const label = formatDayShort(slot.startsAt);
                if (taken)
                  return (
                    <td key={day.day} className={taken.mine ? 'slot slot-mine' : 'slot slot-taken'}>
                      <span>{taken.mine ? t('teacher.book.takenByMe') : t('teacher.book.taken')}</span>
                      <span className="muted">
                        {t('common.timeRange', { from: formatTime(taken.startsAt), to: formatTime(taken.endsAt) })}
                        {' · '}
                        {classroomName(taken.classroomId)}
                      </span>
                    </td>
                  );
                if (slot.endsAt.getTime() <= now)
                  return (
                    <td key={day.day} className="slot slot-past">
                      {t('teacher.book.past')}
                    </td>
                  );
                return (
                  <td key={day.day} className="slot slot-free">
                    <button type="button" className="slot-button" onClick={() => onPick(slot)}>
                      {t('teacher.book.free')}
                      <span className="visually-hidden">
                        {t('teacher.book.pickSlot', { day: label, from: `${hour} h`, to: `${hour + 1} h` })}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
