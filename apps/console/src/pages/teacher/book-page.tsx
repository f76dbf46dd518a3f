import { FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiPost } from '../../lib/api';
import { formatDay, formatTime, fromParisInputs, parisInputValues, parisWeekStart } from '../../lib/format';
import { byId, Session, useClassrooms, usePacks, useSessions } from '../../lib/queries';
import { sinceMorning, useNow } from '../../lib/use-now';
import { t } from '../../i18n/i18n';
import { overlaps, Slot, WeekCalendar } from './week-calendar';

interface BookingForm {
  date: string;
  start: string;
  end: string;
  classroomId: string;
  domains: string;
}

const emptyForm: BookingForm = { date: '', start: '', end: '', classroomId: '', domains: '' };

function formFor(slot: Slot, classroomId: string, domains: string): BookingForm {
  const start = parisInputValues(slot.startsAt);
  return { date: start.date, start: start.time, end: parisInputValues(slot.endsAt).time, classroomId, domains };
}

/** Book a pack on its week: free and taken hours side by side, and an overlap explained before the API refuses it. */
export function BookPage() {
  const packs = usePacks();
  const [packId, setPackId] = useState('');
  const [week, setWeek] = useState(0);
  const [form, setForm] = useState<BookingForm>(emptyForm);
  const navigate = useNavigate();
  const client = useQueryClient();
  const pack = packs.data?.items.find((item) => item.id === (packId || packs.data?.items[0]?.id));
  const classrooms = useClassrooms(pack?.schoolId);
  const now = useNow();
  const since = sinceMorning(now);
  const sessions = useSessions({ packId: pack?.id, from: since });
  const weekStart = useMemo(() => parisWeekStart(new Date(now), week), [now, week]);
  const classroomNames = byId(classrooms.data);
  const classroomName = (id: string) => classroomNames.get(id)?.name ?? t('teacher.book.otherClass');

  const startsAt = fromParisInputs(form.date, form.start);
  const endsAt = fromParisInputs(form.date, form.end);
  const conflict: Session | undefined =
    startsAt && endsAt && endsAt > startsAt
      ? sessions.data?.items.find(
          (session) => session.status !== 'cancelled' && overlaps({ startsAt, endsAt }, session),
        )
      : undefined;

  const book = useMutation({
    mutationFn: () =>
      apiPost<Session>('/sessions', {
        packId: pack!.id,
        classroomId: form.classroomId,
        startsAt: startsAt!.toISOString(),
        endsAt: endsAt!.toISOString(),
        ...(form.domains.trim() ? { allowedDomains: form.domains.split(/[\s,;]+/).filter(Boolean) } : {}),
      }),
    onSuccess: async (session) => {
      await client.invalidateQueries({ queryKey: ['sessions'] });
      navigate(`/enseignant/seances/${session.id}`);
    },
  });

  const pick = (slot: Slot) =>
    setForm((current) => formFor(slot, current.classroomId || classrooms.data?.[0]?.id || '', current.domains));
  const startNow = () => {
    const now = new Date();
    pick({ startsAt: now, endsAt: new Date(now.getTime() + 50 * 60_000) });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!conflict) book.mutate();
  }

  return (
    <Page title={t('teacher.book.title')}>
      <Loaded query={packs}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('teacher.book.noPack')}</p>
          ) : (
            <>
              <FormRow>
                <SelectField
                  label={t('teacher.book.pack')}
                  name="pack"
                  value={pack?.id ?? ''}
                  onChange={(value) => {
                    setPackId(value);
                    setForm(emptyForm);
                  }}
                  options={page.items.map((item) => ({
                    value: item.id,
                    label: t('teacher.book.packOption', { name: item.name, count: item.capacity }),
                  }))}
                />
              </FormRow>
              <div className="toolbar">
                <Button variant="secondary" onPress={() => setWeek(week - 1)} isDisabled={week <= 0}>
                  {t('teacher.book.previousWeek')}
                </Button>
                <span aria-live="polite">{t('teacher.book.weekOf', { day: formatDay(weekStart) })}</span>
                <Button variant="secondary" onPress={() => setWeek(week + 1)}>
                  {t('teacher.book.nextWeek')}
                </Button>
                <Button onPress={startNow}>{t('teacher.book.now')}</Button>
              </div>
              <Loaded query={sessions}>
                {(list) => (
                  <WeekCalendar
                    now={now}
                    weekStart={weekStart}
                    sessions={list.items}
                    classroomName={classroomName}
                    onPick={pick}
                  />
                )}
              </Loaded>
              <Section title={t('teacher.book.formTitle')} id="booking-form">
                <Form onSubmit={submit} className="stack">
                  <FormRow>
                    <TextInput
                      label={t('teacher.book.date')}
                      name="date"
                      type="date"
                      required
                      value={form.date}
                      onChange={(date) => setForm({ ...form, date })}
                    />
                    <TextInput
                      label={t('teacher.book.start')}
                      name="start"
                      type="time"
                      required
                      value={form.start}
                      onChange={(start) => setForm({ ...form, start })}
                    />
                    <TextInput
                      label={t('teacher.book.end')}
                      name="end"
                      type="time"
                      required
                      value={form.end}
                      onChange={(end) => setForm({ ...form, end })}
                    />
                  </FormRow>
                  <SelectField
                    label={t('teacher.book.classroom')}
                    name="classroom"
                    required
                    value={form.classroomId}
                    onChange={(classroomId) => setForm({ ...form, classroomId })}
                    placeholder={t('teacher.book.chooseClassroom')}
                    options={(classrooms.data ?? []).map((room) => ({
                      value: room.id,
                      label: `${room.name} (${room.level})`,
                    }))}
                  />
                  <TextInput
                    label={t('teacher.book.domains')}
                    description={t('teacher.book.domainsHelp')}
                    name="domains"
                    value={form.domains}
                    onChange={(domains) => setForm({ ...form, domains })}
                  />
                  {conflict ? (
                    <div className="alert alert-warning" role="status" data-testid="overlap">
                      <p>
                        {t('teacher.book.overlap', {
                          who: conflict.mine ? t('teacher.book.overlapMine') : t('teacher.book.overlapColleague'),
                          day: formatDay(conflict.startsAt),
                          from: formatTime(conflict.startsAt),
                          to: formatTime(conflict.endsAt),
                          classroom: classroomName(conflict.classroomId),
                        })}
                      </p>
                      <Button
                        variant="secondary"
                        onPress={() => {
                          const free = new Date(conflict.endsAt);
                          const length = endsAt!.getTime() - startsAt!.getTime();
                          pick({ startsAt: free, endsAt: new Date(free.getTime() + length) });
                        }}
                      >
                        {t('teacher.book.shift', { time: formatTime(conflict.endsAt) })}
                      </Button>
                    </div>
                  ) : null}
                  <ErrorAlert error={book.error} />
                  <Button type="submit" isDisabled={!!conflict || book.isPending || !form.classroomId}>
                    {t('teacher.book.submit')}
                  </Button>
                </Form>
              </Section>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
