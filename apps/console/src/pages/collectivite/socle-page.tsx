import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { Loaded } from '../../components/loaded';
import { Page } from '../../components/page';
import { apiGet } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { t } from '../../i18n/i18n';
import { SocleReport } from './report-types';

/** The socle numérique de base, school by school: what is missing, in the API's words. */
export function SoclePage() {
  const report = useQuery({
    queryKey: ['socle'],
    queryFn: ({ signal }) => apiGet<SocleReport>('/reports/socle', signal),
  });
  return (
    <Page title={t('collectivite.socle.title')}>
      <Loaded query={report}>
        {(data) => (
          <>
            <p>
              {t('collectivite.socle.summary', {
                count: data.totals.schools,
                compliant: formatNumber(data.totals.compliant),
                schools: formatNumber(data.totals.schools),
              })}
            </p>
            <DataTable
              caption={t('collectivite.socle.caption')}
              rows={data.lines}
              rowKey={(line) => line.schoolId}
              csv={{ path: '/reports/socle.csv', filename: 'socle-numerique.csv' }}
              columns={[
                { header: t('collectivite.socle.school'), cell: (line) => `${line.schoolName} (${line.schoolUai})` },
                {
                  header: t('collectivite.socle.classes'),
                  cell: (line) => formatNumber(line.classCount),
                  numeric: true,
                },
                {
                  header: t('collectivite.socle.packs'),
                  cell: (line) =>
                    t('collectivite.socle.packsValue', { packs: line.packs, required: line.requiredPacks }),
                  numeric: true,
                },
                {
                  header: t('collectivite.socle.bandwidth'),
                  cell: (line) =>
                    t('collectivite.socle.bandwidthValue', {
                      value: line.bandwidthMbps === null ? '—' : formatNumber(line.bandwidthMbps),
                      required: line.requiredBandwidthMbps,
                    }),
                  numeric: true,
                },
                {
                  header: t('collectivite.socle.status'),
                  cell: (line) =>
                    line.compliant ? t('collectivite.socle.compliant') : t('collectivite.socle.notCompliant'),
                },
                {
                  header: t('collectivite.socle.missing'),
                  cell: (line) =>
                    line.missing.length ? (
                      <ul className="compact">
                        {line.missing.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
