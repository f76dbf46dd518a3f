import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiPost, downloadFile } from '../../lib/api';
import { formatDateTime, formatPercent } from '../../lib/format';
import { kindLabel, osLabel, stateLabel } from '../../lib/labels';
import { usePack } from '../../lib/queries';
import { t } from '../../i18n/i18n';
import { EnrollmentToken, saveSheet } from './enrollment-sheet-page';

/** One pack: its devices in their order, and a new enrollment token (shown once, with its printable sheet). */
export function PackPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const pack = usePack(id);
  const [hours, setHours] = useState('72');
  const [uses, setUses] = useState('');
  const [profileError, setProfileError] = useState<unknown>(null);
  const issue = useMutation({
    mutationFn: () =>
      apiPost<EnrollmentToken>(`/packs/${id}/enrollment-tokens`, {
        expiresInHours: Number(hours),
        ...(uses ? { maxUses: Number(uses) } : {}),
      }),
    onSuccess: (token) => {
      saveSheet(id!, { ...token, packName: pack.data?.name ?? '' });
      navigate(`/technicien/packs/${id}/fiche`);
    },
  });
  return (
    <Page title={pack.data ? t('technician.pack.title', { name: pack.data.name }) : t('common.loading')}>
      <Loaded query={pack}>
        {(data) => (
          <>
            <p>
              {t('technician.pack.summary', {
                os: osLabel(data.osFamily),
                kind: kindLabel(data.deviceKind),
                count: data.enrolledCount ?? 0,
                capacity: data.capacity,
              })}
            </p>
            <DataTable
              caption={t('technician.pack.devicesCaption', { count: data.devices?.length ?? 0 })}
              rows={data.devices ?? []}
              rowKey={(device) => device.id}
              columns={[
                { header: t('technician.pack.number'), cell: (device) => device.positionInPack ?? '—', numeric: true },
                {
                  header: t('technician.devices.serial'),
                  cell: (device) => <Link to={`/technicien/appareils/${device.id}`}>{device.serialNumber}</Link>,
                },
                { header: t('technician.devices.state'), cell: (device) => stateLabel(device.state) },
                { header: t('technician.devices.lastCheckin'), cell: (device) => formatDateTime(device.lastCheckinAt) },
                {
                  header: t('technician.devices.battery'),
                  cell: (device) => formatPercent(device.batteryLevel === null ? null : device.batteryLevel / 100),
                  numeric: true,
                },
              ]}
            />
            <Section title={t('technician.pack.enrollTitle')} id="enroll">
              <p>{t('technician.pack.enrollHelp')}</p>
              <FormRow>
                <TextInput
                  label={t('technician.pack.hours')}
                  name="hours"
                  type="number"
                  min={1}
                  value={hours}
                  onChange={setHours}
                />
                <TextInput
                  label={t('technician.pack.uses')}
                  description={t('technician.pack.usesHelp')}
                  name="uses"
                  type="number"
                  min={1}
                  value={uses}
                  onChange={setUses}
                />
              </FormRow>
              <ErrorAlert error={issue.error} />
              <Button onPress={() => issue.mutate()} isDisabled={issue.isPending}>
                {t('technician.pack.issue')}
              </Button>
              {data.osFamily === 'ipados' ? (
                <>
                  <p>{t('technician.pack.appleProfileHelp')}</p>
                  <Button
                    variant="secondary"
                    onPress={() => {
                      setProfileError(null);
                      downloadFile(`/packs/${id}/enrollment-profile`, `inscription-${data.name}.mobileconfig`).catch(
                        setProfileError,
                      );
                    }}
                  >
                    {t('technician.pack.appleProfile')}
                  </Button>
                  <ErrorAlert error={profileError} />
                </>
              ) : null}
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
