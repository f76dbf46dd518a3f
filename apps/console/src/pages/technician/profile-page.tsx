import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button, FormRow } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { TargetSelect, targetBody } from '../../components/pick-fields';
import { apiGet, apiPost } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { t } from '../../i18n/i18n';

interface ProfileDetail {
  id: string;
  name: string;
  latestVersion: number;
  current: { version: number; appIds: string[]; restrictions: Record<string, boolean>; createdAt: string };
}
interface ProfileStatus {
  counts: Record<string, number>;
  devices: Array<{
    deviceId: string;
    serialNumber: string;
    state: string;
    action: string;
    version: number | null;
    lastError: string | null;
    updatedAt: string;
  }>;
}

/** One profile: its current version, a new version, where it is assigned, and each device's push status (refreshed every 5 s). */
export function ProfilePage() {
  const { id } = useParams();
  const client = useQueryClient();
  const profile = useQuery({
    queryKey: ['profile', id],
    queryFn: ({ signal }) => apiGet<ProfileDetail>(`/profiles/${id}`, signal),
  });
  const status = useQuery({
    queryKey: ['profile-status', id],
    queryFn: ({ signal }) => apiGet<ProfileStatus>(`/profiles/${id}/status`, signal),
    refetchInterval: 5_000,
  });
  const [target, setTarget] = useState('');
  const refresh = () =>
    Promise.all(['profile', 'profile-status'].map((key) => client.invalidateQueries({ queryKey: [key, id] })));
  const assign = useMutation({
    mutationFn: () => apiPost(`/profiles/${id}/assignments`, targetBody(target)),
    onSuccess: refresh,
  });
  const version = useMutation({
    mutationFn: () => {
      const current = profile.data!.current;
      return apiPost(`/profiles/${id}/versions`, { apps: current.appIds, restrictions: current.restrictions });
    },
    onSuccess: refresh,
  });
  return (
    <Page title={profile.data ? t('technician.profile.title', { name: profile.data.name }) : t('common.loading')}>
      <Loaded query={profile}>
        {(data) => (
          <Section title={t('technician.profile.versionTitle')} id="version">
            <p>
              {t('technician.profile.current', {
                version: data.latestVersion,
                date: formatDateTime(data.current.createdAt),
                count: data.current.appIds.length,
              })}
            </p>
            <Button variant="secondary" onPress={() => version.mutate()} isDisabled={version.isPending}>
              {t('technician.profile.newVersion')}
            </Button>
            {version.isSuccess ? <SuccessAlert>{t('technician.profile.versionCreated')}</SuccessAlert> : null}
            <ErrorAlert error={version.error} />
          </Section>
        )}
      </Loaded>
      <Section title={t('technician.profile.assignTitle')} id="assign">
        <FormRow>
          <TargetSelect value={target} onChange={setTarget} />
        </FormRow>
        <Button onPress={() => assign.mutate()} isDisabled={!target || assign.isPending}>
          {t('technician.profile.assign')}
        </Button>
        {assign.isSuccess ? <SuccessAlert>{t('technician.profile.assigned')}</SuccessAlert> : null}
        <ErrorAlert error={assign.error} />
      </Section>
      <Section title={t('technician.profile.statusTitle')} id="status">
        <Loaded query={status}>
          {(data) => (
            <>
              <ul className="counts" aria-live="polite">
                {Object.entries(data.counts).map(([state, count]) => (
                  <li key={state}>
                    {t(`delivery.${state}`, { count, value: formatNumber(count), defaultValue: `${state} : ${count}` })}
                  </li>
                ))}
              </ul>
              <DataTable
                caption={t('technician.profile.devicesCaption', { count: data.devices.length })}
                rows={data.devices}
                rowKey={(row) => `${row.deviceId}-${row.action}`}
                columns={[
                  { header: t('technician.devices.serial'), cell: (row) => row.serialNumber },
                  { header: t('technician.profile.action'), cell: (row) => t(`technician.profile.${row.action}`) },
                  { header: t('technician.profiles.version'), cell: (row) => row.version ?? '—', numeric: true },
                  {
                    header: t('technician.profile.state'),
                    cell: (row) => t(`deliveryState.${row.state}`, { defaultValue: row.state }),
                  },
                  { header: t('technician.profile.error'), cell: (row) => row.lastError ?? '—' },
                  { header: t('technician.profile.updatedAt'), cell: (row) => formatDateTime(row.updatedAt) },
                ]}
              />
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
