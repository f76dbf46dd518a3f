import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button, FormRow, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { formatNumber } from '../../lib/format';
import { School, useSchools } from '../../lib/queries';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

/** The collectivité's schools (UAI, classes, bandwidth) and a form for a new one. */
export function SchoolsPage() {
  const schools = useSchools();
  const create = useCreate<School>('/schools', ['schools']);
  const [form, setForm] = useState({ uai: '', name: '', classCount: '4', bandwidthMbps: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      uai: form.uai.trim().toUpperCase(),
      name: form.name.trim(),
      classCount: Number(form.classCount),
      ...(form.bandwidthMbps ? { bandwidthMbps: Number(form.bandwidthMbps) } : {}),
    });
  };
  return (
    <Page title={t('technician.schools.title')}>
      <Loaded query={schools}>
        {(page) => (
          <DataTable
            caption={t('technician.schools.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(school) => school.id}
            columns={[
              {
                header: t('technician.schools.name'),
                cell: (school) => <Link to={`/technicien/ecoles/${school.id}`}>{school.name}</Link>,
              },
              { header: t('technician.schools.uai'), cell: (school) => school.uai },
              {
                header: t('technician.schools.classes'),
                cell: (school) => formatNumber(school.classCount),
                numeric: true,
              },
              {
                header: t('technician.schools.bandwidth'),
                cell: (school) =>
                  school.bandwidthMbps === null ? '—' : t('common.mbps', { value: formatNumber(school.bandwidthMbps) }),
                numeric: true,
              },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.schools.new')} id="new-school">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <TextInput
              label={t('technician.schools.uai')}
              description={t('technician.schools.uaiHelp')}
              name="uai"
              required
              value={form.uai}
              onChange={(uai) => setForm({ ...form, uai })}
            />
            <TextInput
              label={t('technician.schools.name')}
              name="name"
              required
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
            />
            <TextInput
              label={t('technician.schools.classes')}
              name="classCount"
              type="number"
              min={1}
              required
              value={form.classCount}
              onChange={(classCount) => setForm({ ...form, classCount })}
            />
            <TextInput
              label={t('technician.schools.bandwidthField')}
              name="bandwidthMbps"
              type="number"
              min={0}
              value={form.bandwidthMbps}
              onChange={(bandwidthMbps) => setForm({ ...form, bandwidthMbps })}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          {create.isSuccess ? (
            <SuccessAlert>{t('technician.schools.created', { name: create.data.name })}</SuccessAlert>
          ) : null}
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.schools.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
