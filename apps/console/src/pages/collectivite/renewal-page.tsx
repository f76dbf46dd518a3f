import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Chart } from '../../components/chart';
import { DataTable } from '../../components/data-table';
import { Loaded } from '../../components/loaded';
import { Page } from '../../components/page';
import { apiGet } from '../../lib/api';
import { formatEuros, formatNumber } from '../../lib/format';
import { t } from '../../i18n/i18n';
import { RenewalReport } from './report-types';

/** Devices due for renewal each year ahead, and what replacing them costs. */
export function RenewalPage() {
  const report = useQuery({
    queryKey: ['renewal'],
    queryFn: ({ signal }) => apiGet<RenewalReport>('/reports/renewal', signal),
  });
  return (
    <Page title={t('collectivite.renewal.title')}>
      <Loaded query={report}>{(data) => <RenewalView report={data} />}</Loaded>
    </Page>
  );
}

function RenewalView({ report }: { report: RenewalReport }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: report.years.map((year) => String(year.year)) },
      yAxis: [
        { type: 'value', name: t('collectivite.dashboard.devices'), minInterval: 1 },
        { type: 'value', name: '€', axisLabel: { formatter: (value: number) => formatEuros(value) } },
      ],
      series: [
        { type: 'bar', name: t('collectivite.renewal.due'), data: report.years.map((year) => year.renewalsDue) },
        {
          type: 'line',
          name: t('collectivite.renewal.budget'),
          yAxisIndex: 1,
          data: report.years.map((year) => year.budget),
        },
      ],
    }),
    [report],
  );
  const total = report.years.reduce((sum, year) => sum + year.budget, 0);
  return (
    <>
      <p>
        {t('collectivite.renewal.overdue', {
          count: report.overdue.renewalsDue,
          devices: formatNumber(report.overdue.renewalsDue),
          budget: formatEuros(report.overdue.budget),
        })}
      </p>
      <Chart
        title={t('collectivite.renewal.chart')}
        summary={t('collectivite.renewal.chartSummary', { budget: formatEuros(total), years: report.years.length })}
        points={report.years.map((year) =>
          t('collectivite.renewal.point', {
            year: year.year,
            devices: t('live.devices', { count: year.renewalsDue }),
            budget: formatEuros(year.budget),
          }),
        )}
        option={option}
      />
      <DataTable
        caption={t('collectivite.renewal.caption')}
        rows={report.years}
        rowKey={(year) => String(year.year)}
        csv={{ path: '/reports/renewal.csv', filename: 'plan-de-renouvellement.csv' }}
        columns={[
          { header: t('collectivite.renewal.year'), cell: (year) => year.year },
          { header: t('collectivite.renewal.due'), cell: (year) => formatNumber(year.renewalsDue), numeric: true },
          { header: t('collectivite.renewal.budget'), cell: (year) => formatEuros(year.budget), numeric: true },
          {
            header: t('collectivite.renewal.coverageEnds'),
            cell: (year) => formatNumber(year.coverageEnds),
            numeric: true,
          },
          {
            header: t('collectivite.renewal.osSupportEnds'),
            cell: (year) => formatNumber(year.osSupportEnds),
            numeric: true,
          },
          {
            header: t('collectivite.renewal.withoutPrice'),
            cell: (year) => formatNumber(year.withoutPrice),
            numeric: true,
          },
        ]}
      />
    </>
  );
}
