import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { SchoolSelect } from '../../components/pick-fields';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { byId, useSchools } from '../../lib/queries';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

export interface CartSummary {
  id: string;
  schoolId: string;
  label: string;
  location: string;
  slotCount: number;
  packId: string | null;
}

/** Charging carts: where each pack sleeps and charges. */
export function CartsPage() {
  const carts = useQuery({
    queryKey: ['carts'],
    queryFn: ({ signal }) => apiGet<ApiPage<CartSummary>>(`/carts${query({ limit: 500 })}`, signal),
  });
  const schools = useSchools();
  const schoolNames = byId(schools.data?.items);
  const create = useCreate('/carts', ['carts']);
  const [form, setForm] = useState({ schoolId: '', label: '', slotCount: '16', location: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, slotCount: Number(form.slotCount) });
  };
  return (
    <Page title={t('technician.carts.title')}>
      <Loaded query={carts}>
        {(page) => (
          <DataTable
            caption={t('technician.carts.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(cart) => cart.id}
            columns={[
              {
                header: t('technician.carts.label'),
                cell: (cart) => <Link to={`/technicien/chariots/${cart.id}`}>{cart.label}</Link>,
              },
              { header: t('technician.carts.school'), cell: (cart) => schoolNames.get(cart.schoolId)?.name ?? '—' },
              { header: t('technician.carts.location'), cell: (cart) => cart.location },
              { header: t('technician.carts.slots'), cell: (cart) => cart.slotCount, numeric: true },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.carts.new')} id="new-cart">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <SchoolSelect
              label={t('technician.carts.school')}
              value={form.schoolId}
              onChange={(schoolId) => setForm({ ...form, schoolId })}
            />
            <TextInput
              label={t('technician.carts.label')}
              name="label"
              required
              value={form.label}
              onChange={(label) => setForm({ ...form, label })}
            />
            <TextInput
              label={t('technician.carts.location')}
              name="location"
              required
              value={form.location}
              onChange={(location) => setForm({ ...form, location })}
            />
            <TextInput
              label={t('technician.carts.slots')}
              name="slotCount"
              type="number"
              min={10}
              required
              value={form.slotCount}
              onChange={(slotCount) => setForm({ ...form, slotCount })}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.carts.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
