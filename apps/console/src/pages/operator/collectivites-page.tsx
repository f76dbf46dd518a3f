import { FormEvent, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { AccountFields } from '../../components/account-fields';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

interface Collectivite {
  id: string;
  name: string;
  kind: string;
}

const KINDS = ['commune', 'epci', 'departement', 'region'];

/** The operator's tenants, a new collectivité, and its first administrator. */
export function CollectivitesPage() {
  const list = useQuery({
    queryKey: ['collectivites'],
    queryFn: ({ signal }) =>
      apiGet<ApiPage<Collectivite> | Collectivite[]>(`/collectivites${query({ limit: 500 })}`, signal),
  });
  const create = useCreate<Collectivite>('/collectivites', ['collectivites']);
  const [created, setCreated] = useState<Collectivite[]>([]);
  const [form, setForm] = useState({ name: '', kind: 'commune' });
  const [admin, setAdmin] = useState({ collectiviteId: '', email: '', password: '' });
  const createAdmin = useCreate<{ email: string }>(`/collectivites/${admin.collectiviteId}/users`, ['users']);
  const listed = list.data ? (Array.isArray(list.data) ? list.data : list.data.items) : [];
  const known = [...listed, ...created.filter((item) => !listed.some((other) => other.id === item.id))];
  // Without GET /collectivites (older API), the page lists the ones created here.
  const listMissing = list.error instanceof ApiError && list.error.status === 404;
  return (
    <Page title={t('operator.title')}>
      {list.isError && !listMissing ? <ErrorAlert error={list.error} /> : null}
      <DataTable
        caption={t('operator.caption', { count: known.length })}
        rows={known}
        rowKey={(item) => item.id}
        columns={[
          { header: t('operator.name'), cell: (item) => item.name },
          {
            header: t('operator.kind'),
            cell: (item) => t(`collectiviteKind.${item.kind}`, { defaultValue: item.kind }),
          },
        ]}
      />
      <Section title={t('operator.new')} id="new-collectivite">
        <Form
          className="stack"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            create.mutate(
              { name: form.name.trim(), kind: form.kind },
              { onSuccess: (item) => setCreated([...created, item]) },
            );
          }}
        >
          <FormRow>
            <TextInput
              label={t('operator.name')}
              name="name"
              required
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
            />
            <SelectField
              label={t('operator.kind')}
              name="kind"
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              options={KINDS.map((kind) => ({ value: kind, label: t(`collectiviteKind.${kind}`) }))}
            />
          </FormRow>
          <ErrorAlert error={create.error} />
          {create.isSuccess ? <SuccessAlert>{t('operator.created', { name: create.data.name })}</SuccessAlert> : null}
          <Button type="submit" isDisabled={create.isPending}>
            {t('operator.create')}
          </Button>
        </Form>
      </Section>
      <Section title={t('operator.adminTitle')} id="new-admin">
        <Form
          className="stack"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            createAdmin.mutate({ email: admin.email.trim(), password: admin.password, role: 'collectivite_admin' });
          }}
        >
          <FormRow>
            <SelectField
              label={t('operator.collectivite')}
              name="collectiviteId"
              required
              value={admin.collectiviteId}
              placeholder={t('common.choose')}
              onChange={(collectiviteId) => setAdmin({ ...admin, collectiviteId })}
              options={known.map((item) => ({ value: item.id, label: item.name }))}
            />
            <AccountFields value={admin} onChange={setAdmin} />
          </FormRow>
          <ErrorAlert error={createAdmin.error} />
          {createAdmin.isSuccess ? (
            <SuccessAlert>{t('operator.adminCreated', { email: createAdmin.data.email })}</SuccessAlert>
          ) : null}
          <Button type="submit" isDisabled={createAdmin.isPending || !admin.collectiviteId}>
            {t('operator.createAdmin')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
