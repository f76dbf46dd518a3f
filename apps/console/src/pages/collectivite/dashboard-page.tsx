import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Chart } from '../../components/chart';
import { DataTable } from '../../components/data-table';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, query } from '../../lib/api';
import { formatEuros, formatNumber, formatPercent } from '../../lib/format';
import { t } from '../../i18n/i18n';
import { FleetHealthReport, WarrantyReport } from './report-types';

const QUARTERS = [91, 182, 273, 365];

/** "Moins de 60 % : 2 appareils", what a screen reader hears for one bar or slice. */
const point = (name: string, count: number) =>
  t('collectivite.dashboard.point', { name, devices: t('live.devices', { count }) });
const quarterLabel = (quarter: number) => t('collectivite.dashboard.quarterLabel', { count: quarter, ordinal: true });

/** The warranty report asked for 3, 6, 9 and 12 months ahead: the differences are what ends in each quarter. */
function useWarrantyQuarters() {
  return useQuery({
    queryKey: ['warranty-quarters'],
    queryFn: async ({ signal }) => {
      const reports = await Promise.all(
        QUARTERS.map((days) => apiGet<WarrantyReport>(`/reports/warranty${query({ withinDays: days })}`, signal)),
      );
      return {
        expired: reports[0].totals,
        quarters: reports.map((report, index) => ({
          quarter: index + 1,
          devices: report.totals.expiring - (index ? reports[index - 1].totals.expiring : 0),
          value: report.totals.expiringValue - (index ? reports[index - 1].totals.expiringValue : 0),
        })),
        lines: reports[0].lines,
      };
    },
  });
}

/** Fleet health and warranty at a glance, each chart with its table and the table's CSV. */
export function DashboardPage() {
  const fleet = useQuery({
    queryKey: ['fleet-health'],
    queryFn: ({ signal }) => apiGet<FleetHealthReport>('/reports/fleet-health', signal),
  });
  const warranty = useWarrantyQuarters();
  return (
    <Page title={t('collectivite.dashboard.title')}>
      <Section title={t('collectivite.dashboard.fleetTitle')} id="fleet">
        <Loaded query={fleet}>{(report) => <FleetCharts report={report} />}</Loaded>
      </Section>
      <Section title={t('collectivite.dashboard.warrantyTitle')} id="warranty">
        <Loaded query={warranty}>
          {(data) => (
            <>
              <p>
                {t('collectivite.dashboard.expiredNow', {
                  count: data.expired.expired,
                  devices: formatNumber(data.expired.expired),
                  value: formatEuros(data.expired.expiredValue),
                })}
              </p>
              <WarrantyChart quarters={data.quarters} />
              <DataTable
                caption={t('collectivite.dashboard.quartersCaption')}
                rows={data.quarters}
                rowKey={(row) => String(row.quarter)}
                csv={{
                  path: '/reports/warranty.csv?withinDays=365',
                  filename: 'garanties.csv',
                  label: t('collectivite.dashboard.warrantyCsv'),
                }}
                columns={[
                  {
                    header: t('collectivite.dashboard.quarter'),
                    cell: (row) => quarterLabel(row.quarter),
                  },
                  {
                    header: t('collectivite.dashboard.devices'),
                    cell: (row) => formatNumber(row.devices),
                    numeric: true,
                  },
                  { header: t('collectivite.dashboard.value'), cell: (row) => formatEuros(row.value), numeric: true },
                ]}
              />
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}

function FleetCharts({ report }: { report: FleetHealthReport }) {
  const totals = report.totals;
  const freshness = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: [
            { name: t('collectivite.dashboard.seen24h'), value: totals.checkedIn24h },
            { name: t('collectivite.dashboard.seen7d'), value: Math.max(0, totals.checkedIn7d - totals.checkedIn24h) },
            { name: t('collectivite.dashboard.notSeen7d'), value: Math.max(0, totals.managed - totals.checkedIn7d) },
          ],
        },
      ],
    }),
    [totals],
  );
  const health = useMemo(() => {
    const buckets = ['0-59', '60-79', '80-100', 'unknown'];
    return {
      tooltip: {},
      xAxis: { type: 'category', data: buckets.map((bucket) => t(`collectivite.dashboard.health.${bucket}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('collectivite.dashboard.devices'),
          data: buckets.map((bucket) => totals.battery.health[bucket] ?? 0),
        },
      ],
    };
  }, [totals]);
  const os = useMemo(() => {
    const entries = Object.entries(totals.osVersions).sort((a, b) => b[1] - a[1]);
    return {
      tooltip: {},
      grid: { left: 90 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: entries.map(([version]) => version) },
      series: [{ type: 'bar', name: t('collectivite.dashboard.devices'), data: entries.map(([, count]) => count) }],
    };
  }, [totals]);
  const schools = report.lines.filter((line) => line.level !== 'pack');
  return (
    <>
      <p>
        {t('collectivite.dashboard.fleetSummary', {
          count: totals.devices,
          devices: formatNumber(totals.devices),
          managed: formatNumber(totals.managed),
          share: formatPercent(totals.checkedIn24hShare),
        })}
      </p>
      <div className="charts">
        <Chart
          title={t('collectivite.dashboard.freshness')}
          summary={t('collectivite.dashboard.freshnessSummary', {
            share: formatPercent(totals.checkedIn24hShare),
            notSeen: formatNumber(totals.notSeen),
          })}
          points={freshness.series[0].data.map((slice) => point(slice.name, slice.value))}
          option={freshness}
        />
        <Chart
          title={t('collectivite.dashboard.batteryHealth')}
          summary={t('collectivite.dashboard.batteryHealthSummary', { count: totals.battery.health['0-59'] ?? 0 })}
          points={health.xAxis.data.map((name, index) => point(name, health.series[0].data[index]))}
          option={health}
        />
        <Chart
          title={t('collectivite.dashboard.osVersions')}
          summary={t('collectivite.dashboard.osVersionsSummary', { count: Object.keys(totals.osVersions).length })}
          points={os.yAxis.data.map((name, index) => point(name, os.series[0].data[index]))}
          option={os}
        />
      </div>
      <DataTable
        caption={t('collectivite.dashboard.fleetCaption')}
        rows={schools}
        rowKey={(line) => `${line.level}-${line.schoolId}`}
        csv={{ path: '/reports/fleet-health.csv', filename: 'sante-du-parc.csv' }}
        columns={[
          {
            header: t('collectivite.dashboard.school'),
            cell: (line) => line.schoolName ?? t('collectivite.dashboard.unassigned'),
          },
          { header: t('collectivite.dashboard.devices'), cell: (line) => formatNumber(line.devices), numeric: true },
          {
            header: t('collectivite.dashboard.seen24hShare'),
            cell: (line) => formatPercent(line.checkedIn24hShare),
            numeric: true,
          },
          { header: t('collectivite.dashboard.notSeen'), cell: (line) => formatNumber(line.notSeen), numeric: true },
          {
            header: t('collectivite.dashboard.nonCompliant'),
            cell: (line) => formatNumber(line.compliance.nonCompliant),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

function WarrantyChart({ quarters }: { quarters: Array<{ quarter: number; devices: number; value: number }> }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      xAxis: {
        type: 'category',
        data: quarters.map((row) => quarterLabel(row.quarter)),
      },
      yAxis: [
        { type: 'value', name: t('collectivite.dashboard.devices'), minInterval: 1 },
        { type: 'value', name: '€', axisLabel: { formatter: (value: number) => formatEuros(value) } },
      ],
      series: [
        { type: 'bar', name: t('collectivite.dashboard.devices'), data: quarters.map((row) => row.devices) },
        {
          type: 'line',
          name: t('collectivite.dashboard.value'),
          yAxisIndex: 1,
          data: quarters.map((row) => row.value),
        },
      ],
    }),
    [quarters],
  );
  const total = quarters.reduce((sum, row) => sum + row.devices, 0);
  return (
    <Chart
      title={t('collectivite.dashboard.warrantyChart')}
      summary={t('collectivite.dashboard.warrantySummary', {
        count: total,
        devices: formatNumber(total),
        value: formatEuros(quarters.reduce((sum, row) => sum + row.value, 0)),
      })}
      points={quarters.map((row) =>
        t('collectivite.dashboard.quarterPoint', {
          quarter: quarterLabel(row.quarter),
          devices: t('live.devices', { count: row.devices }),
          value: formatEuros(row.value),
        }),
      )}
      option={option}
    />
  );
}
