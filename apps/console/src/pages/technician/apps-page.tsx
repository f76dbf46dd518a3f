import { FormEvent, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { options, OS_FAMILIES, osLabel } from '../../lib/labels';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

export interface CatalogApp {
  id: string;
  name: string;
  platform: string;
  identifier: string;
  category: string;
}

export const APP_CATEGORIES = [
  'office_suite',
  'spell_checker',
  'book_creator',
  'audio_video',
  'image',
  'subject_software',
  'resource',
  'other',
];
export const categoryLabel = (category: string) => t(`appCategory.${category}`, { defaultValue: category });

export const useApps = () =>
  useQuery({
    queryKey: ['apps'],
    queryFn: ({ signal }) => apiGet<ApiPage<CatalogApp>>(`/apps${query({ limit: 500 })}`, signal),
  });

/** The app catalogue the profiles and the lessons choose from. */
export function AppsPage() {
  const apps = useApps();
  const create = useCreate('/apps', ['apps']);
  const [form, setForm] = useState({ name: '', platform: 'ipados', identifier: '', category: 'office_suite' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, name: form.name.trim(), identifier: form.identifier.trim() });
  };
  return (
    <Page title={t('technician.apps.title')}>
      <Loaded query={apps}>
        {(page) => (
          <DataTable
            caption={t('technician.apps.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(app) => app.id}
            columns={[
              { header: t('technician.apps.name'), cell: (app) => app.name },
              { header: t('technician.apps.platform'), cell: (app) => osLabel(app.platform) },
              { header: t('technician.apps.identifier'), cell: (app) => <code>{app.identifier}</code> },
              { header: t('technician.apps.category'), cell: (app) => categoryLabel(app.category) },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.apps.new')} id="new-app">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <TextInput
              label={t('technician.apps.name')}
              name="name"
              required
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
            />
            <SelectField
              label={t('technician.apps.platform')}
              name="platform"
              value={form.platform}
              onChange={(platform) => setForm({ ...form, platform })}
              options={options(OS_FAMILIES, osLabel)}
            />
            <TextInput
              label={t('technician.apps.identifier')}
              description={t('technician.apps.identifierHelp')}
              name="identifier"
              required
              value={form.identifier}
              onChange={(identifier) => setForm({ ...form, identifier })}
            />
            <SelectField
              label={t('technician.apps.category')}
              name="category"
              value={form.category}
              onChange={(category) => setForm({ ...form, category })}
              options={options(APP_CATEGORIES, categoryLabel)}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.apps.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
