import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button, CheckboxField, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, apiPost, downloadFile, Page as ApiPage, query } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { Device } from '../../lib/queries';
import { t } from '../../i18n/i18n';

interface Reprise {
  id: string;
  kind: string;
  partyName: string;
  slipNumber: string;
  date: string;
  deviceCount: number;
}

const KINDS = ['distributor_take_back', 'recycler', 'reuse_donation'];

/** End of life: reprises and their bordereaux (CSV, PDF), and a new reprise of retired devices. */
export function ReprisesPage() {
  const client = useQueryClient();
  const reprises = useQuery({
    queryKey: ['reprises'],
    queryFn: ({ signal }) => apiGet<ApiPage<Reprise>>(`/reprises${query({ limit: 500 })}`, signal),
  });
  const retired = useQuery({
    queryKey: ['devices', 'retired'],
    queryFn: ({ signal }) => apiGet<ApiPage<Device>>(`/devices${query({ state: 'retired', limit: 500 })}`, signal),
  });
  const [form, setForm] = useState({ kind: 'recycler', partyName: '', deviceIds: [] as string[] });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: () => apiPost('/reprises', form),
    onSuccess: () => Promise.all(['reprises', 'devices'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const download = (path: string, filename: string) => {
    setDownloadError(null);
    downloadFile(path, filename).catch(setDownloadError);
  };
  return (
    <Page title={t('collectivite.reprises.title')}>
      <ErrorAlert error={downloadError} />
      <Loaded query={reprises}>
        {(page) => (
          <DataTable
            caption={t('collectivite.reprises.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(reprise) => reprise.id}
            columns={[
              { header: t('collectivite.reprises.slip'), cell: (reprise) => reprise.slipNumber },
              { header: t('collectivite.reprises.kind'), cell: (reprise) => t(`repriseKind.${reprise.kind}`) },
              { header: t('collectivite.reprises.party'), cell: (reprise) => reprise.partyName },
              { header: t('collectivite.reprises.date'), cell: (reprise) => formatDate(reprise.date) },
              {
                header: t('collectivite.reprises.devices'),
                cell: (reprise) => formatNumber(reprise.deviceCount),
                numeric: true,
              },
              {
                header: t('collectivite.reprises.bordereau'),
                cell: (reprise) => (
                  <div className="toolbar">
                    <Button
                      variant="secondary"
                      onPress={() =>
                        download(`/reprises/${reprise.id}/bordereau.csv`, `bordereau-${reprise.slipNumber}.csv`)
                      }
                    >
                      {t('collectivite.reprises.csv', { slip: reprise.slipNumber })}
                    </Button>
                    <Button
                      variant="secondary"
                      onPress={() =>
                        download(`/reprises/${reprise.id}/bordereau.pdf`, `bordereau-${reprise.slipNumber}.pdf`)
                      }
                    >
                      {t('collectivite.reprises.pdf', { slip: reprise.slipNumber })}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('collectivite.reprises.new')} id="new-reprise">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <SelectField
              label={t('collectivite.reprises.kind')}
              name="kind"
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              options={KINDS.map((kind) => ({ value: kind, label: t(`repriseKind.${kind}`) }))}
            />
            <TextInput
              label={t('collectivite.reprises.party')}
              name="partyName"
              required
              value={form.partyName}
              onChange={(partyName) => setForm({ ...form, partyName })}
            />
          </FormRow>
          <fieldset>
            <legend>{t('collectivite.reprises.retired')}</legend>
            {(retired.data?.items ?? []).length === 0 ? (
              <p className="muted">{t('collectivite.reprises.noRetired')}</p>
            ) : null}
            {(retired.data?.items ?? []).map((device) => (
              <CheckboxField
                key={device.id}
                label={device.serialNumber}
                checked={form.deviceIds.includes(device.id)}
                onChange={(checked) =>
                  setForm({
                    ...form,
                    deviceIds: checked
                      ? [...form.deviceIds, device.id]
                      : form.deviceIds.filter((id) => id !== device.id),
                  })
                }
              />
            ))}
          </fieldset>
          <ErrorAlert error={create.error} />
          {create.isSuccess ? <SuccessAlert>{t('collectivite.reprises.created')}</SuccessAlert> : null}
          <Button type="submit" isDisabled={create.isPending || form.deviceIds.length === 0}>
            {t('collectivite.reprises.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
