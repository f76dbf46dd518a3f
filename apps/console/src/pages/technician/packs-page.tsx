import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { SchoolSelect } from '../../components/pick-fields';
import { CAPACITIES, DEVICE_KINDS, kindLabel, options, OS_FAMILIES, osLabel } from '../../lib/labels';
import { byId, usePacks, useSchools } from '../../lib/queries';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

/** Packs (classes mobiles): one OS, 10, 12 or 15 devices, one school. */
export function PacksPage() {
  const packs = usePacks();
  const schools = useSchools();
  const schoolNames = byId(schools.data?.items);
  const create = useCreate('/packs', ['packs']);
  const [form, setForm] = useState({
    schoolId: '',
    name: '',
    deviceKind: 'tablet',
    osFamily: 'ipados',
    capacity: '15',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, name: form.name.trim(), capacity: Number(form.capacity) });
  };
  return (
    <Page title={t('technician.packs.title')}>
      <Loaded query={packs}>
        {(page) => (
          <DataTable
            caption={t('technician.packs.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(pack) => pack.id}
            columns={[
              {
                header: t('technician.packs.name'),
                cell: (pack) => <Link to={`/technicien/packs/${pack.id}`}>{pack.name}</Link>,
              },
              { header: t('technician.packs.school'), cell: (pack) => schoolNames.get(pack.schoolId)?.name ?? '—' },
              { header: t('technician.packs.os'), cell: (pack) => osLabel(pack.osFamily) },
              { header: t('technician.packs.kind'), cell: (pack) => kindLabel(pack.deviceKind) },
              { header: t('technician.packs.capacity'), cell: (pack) => pack.capacity, numeric: true },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.packs.new')} id="new-pack">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <SchoolSelect
              label={t('technician.packs.school')}
              value={form.schoolId}
              onChange={(schoolId) => setForm({ ...form, schoolId })}
            />
            <TextInput
              label={t('technician.packs.name')}
              name="name"
              required
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
            />
            <SelectField
              label={t('technician.packs.os')}
              name="osFamily"
              value={form.osFamily}
              onChange={(osFamily) => setForm({ ...form, osFamily })}
              options={options(OS_FAMILIES, osLabel)}
            />
            <SelectField
              label={t('technician.packs.kind')}
              name="deviceKind"
              value={form.deviceKind}
              onChange={(deviceKind) => setForm({ ...form, deviceKind })}
              options={options(DEVICE_KINDS, kindLabel)}
            />
            <SelectField
              label={t('technician.packs.capacity')}
              name="capacity"
              value={form.capacity}
              onChange={(capacity) => setForm({ ...form, capacity })}
              options={options(CAPACITIES, (value) => value)}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.packs.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
