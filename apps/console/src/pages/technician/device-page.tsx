import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button, CheckboxField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, apiPost } from '../../lib/api';
import { formatBytes, formatDate, formatDateTime, formatPercent } from '../../lib/format';
import { kindLabel, osLabel, stateLabel } from '../../lib/labels';
import { Device } from '../../lib/queries';
import { t } from '../../i18n/i18n';

interface History {
  events: Array<{ occurredAt: string; action: string; actorRole: string; actorEmail: string | null }>;
  retirement: unknown;
}

const COMMANDS = ['lock', 'unlock', 'restart', 'refresh_inventory'];

/** One device: its health, its history, a command now, and retirement behind a confirmation. */
export function DevicePage() {
  const { id } = useParams();
  const client = useQueryClient();
  const device = useQuery({
    queryKey: ['device', id],
    queryFn: ({ signal }) => apiGet<Device>(`/devices/${id}`, signal),
  });
  const history = useQuery({
    queryKey: ['device-history', id],
    queryFn: ({ signal }) => apiGet<History>(`/devices/${id}/history`, signal),
  });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['device', id] }),
      client.invalidateQueries({ queryKey: ['device-history', id] }),
    ]);
  const command = useMutation({
    mutationFn: (type: string) => apiPost(`/devices/${id}/commands`, { type }),
    onSuccess: refresh,
  });
  const [reason, setReason] = useState('');
  const [force, setForce] = useState(false);
  const retire = useMutation({
    mutationFn: () => apiPost(`/devices/${id}/retire`, { reason, ...(force ? { force: true } : {}) }),
    onSuccess: refresh,
  });
  return (
    <Page
      title={device.data ? t('technician.device.title', { serial: device.data.serialNumber }) : t('common.loading')}
    >
      <Loaded query={device}>
        {(data) => (
          <>
            <Section title={t('technician.device.health')} id="health">
              <dl className="facts">
                <dt>{t('technician.devices.state')}</dt>
                <dd>{stateLabel(data.state)}</dd>
                <dt>{t('technician.devices.model')}</dt>
                <dd>{`${data.model ?? '—'} (${kindLabel(data.deviceKind)})`}</dd>
                <dt>{t('technician.devices.os')}</dt>
                <dd>{`${osLabel(data.osFamily)} ${data.osVersion ?? ''}`}</dd>
                <dt>{t('technician.devices.lastCheckin')}</dt>
                <dd>{formatDateTime(data.lastCheckinAt)}</dd>
                <dt>{t('technician.devices.battery')}</dt>
                <dd>
                  {formatPercent(data.batteryLevel === null ? null : data.batteryLevel / 100)}
                  {data.batteryCharging ? ` · ${t('live.charging')}` : ''}
                </dd>
                <dt>{t('technician.device.batteryHealth')}</dt>
                <dd>{formatPercent(data.batteryHealth === null ? null : data.batteryHealth / 100)}</dd>
                <dt>{t('technician.device.storage')}</dt>
                <dd>
                  {data.storageTotalBytes === null
                    ? '—'
                    : t('technician.device.storageValue', {
                        free: formatBytes(data.storageFreeBytes),
                        total: formatBytes(data.storageTotalBytes),
                      })}
                </dd>
                <dt>{t('technician.device.warranty')}</dt>
                <dd>{formatDate(data.warrantyEnd)}</dd>
                <dt>{t('technician.device.supplier')}</dt>
                <dd>{data.supplier ?? '—'}</dd>
              </dl>
            </Section>
            <Section title={t('technician.device.commands')} id="commands">
              <div className="toolbar">
                {COMMANDS.map((type) => (
                  <Button
                    key={type}
                    variant="secondary"
                    onPress={() => command.mutate(type)}
                    isDisabled={command.isPending}
                  >
                    {t(`command.${type}`)}
                  </Button>
                ))}
              </div>
              {command.isSuccess ? <SuccessAlert>{t('technician.device.commandQueued')}</SuccessAlert> : null}
              <ErrorAlert error={command.error} />
            </Section>
            <Section title={t('technician.device.retireTitle')} id="retire">
              <p>{t('technician.device.retireHelp')}</p>
              <ConfirmDialog
                trigger={t('technician.device.retire')}
                title={t('technician.device.retireConfirmTitle', { serial: data.serialNumber })}
                confirmLabel={t('technician.device.retireConfirm')}
                confirmDisabled={reason.trim().length < 3}
                onConfirm={() => retire.mutateAsync()}
              >
                <p>{t('technician.device.retireWarning')}</p>
                <TextInput
                  label={t('technician.device.reason')}
                  name="reason"
                  required
                  value={reason}
                  onChange={setReason}
                />
                <CheckboxField label={t('technician.device.force')} checked={force} onChange={setForce} />
                <ErrorAlert error={retire.error} />
              </ConfirmDialog>
              {retire.isSuccess ? <SuccessAlert>{t('technician.device.retireQueued')}</SuccessAlert> : null}
            </Section>
          </>
        )}
      </Loaded>
      <Section title={t('technician.device.history')} id="history">
        <Loaded query={history}>
          {(data) => (
            <DataTable
              caption={t('technician.device.historyCaption', { count: data.events.length })}
              rows={data.events}
              rowKey={(event) => `${event.occurredAt}-${event.action}`}
              columns={[
                { header: t('audit.when'), cell: (event) => formatDateTime(event.occurredAt) },
                {
                  header: t('audit.action'),
                  cell: (event) => t(`auditAction.${event.action}`, { defaultValue: event.action }),
                },
                {
                  header: t('audit.who'),
                  cell: (event) => event.actorEmail ?? t(`roles.${event.actorRole}`, { defaultValue: event.actorRole }),
                },
              ]}
            />
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
