import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, CheckboxField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';
import { useApps } from './apps-page';

export interface ProfileSummary {
  id: string;
  name: string;
  latestVersion: number;
  createdAt: string;
}

/** Profiles: apps, resources, Wi-Fi and restrictions, versioned; each opens its versions, assignments and push status. */
export function ProfilesPage() {
  const profiles = useQuery({
    queryKey: ['profiles'],
    queryFn: ({ signal }) => apiGet<ApiPage<ProfileSummary>>(`/profiles${query({ limit: 500 })}`, signal),
  });
  const apps = useApps();
  const create = useCreate('/profiles', ['profiles']);
  const [name, setName] = useState('');
  const [appIds, setAppIds] = useState<string[]>([]);
  const [allowCamera, setAllowCamera] = useState(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), apps: appIds, restrictions: { allowCamera } });
  };
  return (
    <Page title={t('technician.profiles.title')}>
      <Loaded query={profiles}>
        {(page) => (
          <DataTable
            caption={t('technician.profiles.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(profile) => profile.id}
            columns={[
              {
                header: t('technician.profiles.name'),
                cell: (profile) => <Link to={`/technicien/profils/${profile.id}`}>{profile.name}</Link>,
              },
              { header: t('technician.profiles.version'), cell: (profile) => profile.latestVersion, numeric: true },
              { header: t('technician.profiles.createdAt'), cell: (profile) => formatDateTime(profile.createdAt) },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.profiles.new')} id="new-profile">
        <Form onSubmit={submit} className="stack">
          <TextInput label={t('technician.profiles.name')} name="name" required value={name} onChange={setName} />
          <fieldset>
            <legend>{t('technician.profiles.apps')}</legend>
            {(apps.data?.items ?? []).length === 0 ? <p className="muted">{t('technician.profiles.noApps')}</p> : null}
            {(apps.data?.items ?? []).map((app) => (
              <CheckboxField
                key={app.id}
                label={app.name}
                checked={appIds.includes(app.id)}
                onChange={(checked) => setAppIds(checked ? [...appIds, app.id] : appIds.filter((id) => id !== app.id))}
              />
            ))}
          </fieldset>
          <CheckboxField label={t('technician.profiles.allowCamera')} checked={allowCamera} onChange={setAllowCamera} />
          <ErrorAlert error={create.error} />
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.profiles.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
