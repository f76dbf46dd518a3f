import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet } from '../../lib/api';
import { School, useClassrooms, usePacks } from '../../lib/queries';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

export const LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'];

/** One school: its classrooms (a form adds one) and its packs. */
export function SchoolPage() {
  const { id } = useParams();
  const school = useQuery({
    queryKey: ['school', id],
    queryFn: ({ signal }) => apiGet<School>(`/schools/${id}`, signal),
  });
  const classrooms = useClassrooms(id);
  const packs = usePacks(id);
  const create = useCreate(`/schools/${id}/classrooms`, ['classrooms']);
  const [form, setForm] = useState({ name: '', level: 'CP' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: form.name.trim(), level: form.level },
      { onSuccess: () => setForm({ name: '', level: form.level }) },
    );
  };
  return (
    <Page title={school.data ? t('technician.school.title', { name: school.data.name }) : t('common.loading')}>
      <Loaded query={school}>
        {(data) => <p>{t('technician.school.summary', { uai: data.uai, count: data.classCount })}</p>}
      </Loaded>
      <Section title={t('technician.school.classrooms')} id="classrooms">
        <Loaded query={classrooms}>
          {(rooms) => (
            <DataTable
              caption={t('technician.school.classroomsCaption', { count: rooms.length })}
              rows={rooms}
              rowKey={(room) => room.id}
              columns={[
                { header: t('technician.school.classroomName'), cell: (room) => room.name },
                { header: t('technician.school.level'), cell: (room) => room.level },
              ]}
            />
          )}
        </Loaded>
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <TextInput
              label={t('technician.school.classroomName')}
              name="name"
              required
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
            />
            <SelectField
              label={t('technician.school.level')}
              name="level"
              value={form.level}
              onChange={(level) => setForm({ ...form, level })}
              options={LEVELS.map((level) => ({ value: level, label: level }))}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.school.addClassroom')}
          </Button>
        </Form>
      </Section>
      <Section title={t('technician.school.packs')} id="school-packs">
        <Loaded query={packs}>
          {(page) =>
            page.items.length ? (
              <ul>
                {page.items.map((pack) => (
                  <li key={pack.id}>
                    <Link to={`/technicien/packs/${pack.id}`}>{pack.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('technician.school.noPack')}</p>
            )
          }
        </Loaded>
      </Section>
    </Page>
  );
}
