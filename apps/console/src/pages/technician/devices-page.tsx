import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { FormRow, SelectField } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page } from '../../components/page';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { formatDateTime, formatPercent } from '../../lib/format';
import { osLabel, stateLabel } from '../../lib/labels';
import { Device, usePacks, useSchools } from '../../lib/queries';
import { t } from '../../i18n/i18n';

const STATES = ['registered', 'enrolled', 'active', 'locked', 'retiring', 'retired', 'taken_back'];

/** The fleet, filtered by school, pack or state; each serial number opens the device's page. */
export function DevicesPage() {
  const [filters, setFilters] = useState({ schoolId: '', packId: '', state: '' });
  const schools = useSchools();
  const packs = usePacks(filters.schoolId || undefined);
  const devices = useQuery({
    queryKey: ['devices', filters],
    queryFn: ({ signal }) => apiGet<ApiPage<Device>>(`/devices${query({ ...filters, limit: 500 })}`, signal),
  });
  return (
    <Page title={t('technician.devices.title')}>
      <FormRow>
        <SelectField
          label={t('technician.devices.school')}
          name="schoolId"
          value={filters.schoolId}
          placeholder={t('common.all')}
          onChange={(schoolId) => setFilters({ ...filters, schoolId, packId: '' })}
          options={(schools.data?.items ?? []).map((school) => ({ value: school.id, label: school.name }))}
        />
        <SelectField
          label={t('technician.devices.pack')}
          name="packId"
          value={filters.packId}
          placeholder={t('common.all')}
          onChange={(packId) => setFilters({ ...filters, packId })}
          options={(packs.data?.items ?? []).map((pack) => ({ value: pack.id, label: pack.name }))}
        />
        <SelectField
          label={t('technician.devices.state')}
          name="state"
          value={filters.state}
          placeholder={t('common.all')}
          onChange={(state) => setFilters({ ...filters, state })}
          options={STATES.map((state) => ({ value: state, label: stateLabel(state) }))}
        />
      </FormRow>
      <Loaded query={devices}>
        {(page) => (
          <DataTable
            caption={t('technician.devices.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(device) => device.id}
            csv={{ path: '/purchase-data.csv', filename: 'parc-achats.csv' }}
            columns={[
              {
                header: t('technician.devices.serial'),
                cell: (device) => <Link to={`/technicien/appareils/${device.id}`}>{device.serialNumber}</Link>,
              },
              { header: t('technician.devices.model'), cell: (device) => device.model ?? '—' },
              {
                header: t('technician.devices.os'),
                cell: (device) => `${osLabel(device.osFamily)} ${device.osVersion ?? ''}`,
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
        )}
      </Loaded>
    </Page>
  );
}
