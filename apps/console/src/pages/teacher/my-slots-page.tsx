import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { Loaded } from '../../components/loaded';
import { Page } from '../../components/page';
import { formatDay, formatTime } from '../../lib/format';
import { byId, usePacks, useSessions } from '../../lib/queries';
import { sinceMorning, useNow } from '../../lib/use-now';
import { t } from '../../i18n/i18n';

/** "Mes créneaux": the teacher's coming and running sessions, each a link to drive it. */
export function MySlotsPage() {
  const from = sinceMorning(useNow());
  const sessions = useSessions({ from });
  const packs = usePacks();
  const packNames = byId(packs.data?.items);
  return (
    <Page
      title={t('teacher.slots.title')}
      actions={
        <Link className="button button-primary" to="/enseignant/reserver">
          {t('teacher.slots.book')}
        </Link>
      }
    >
      <Loaded query={sessions}>
        {(page) => {
          const mine = page.items.filter((session) => session.mine && session.status !== 'cancelled');
          return (
            <DataTable
              caption={t('teacher.slots.caption', { count: mine.length })}
              rows={mine}
              rowKey={(session) => session.id}
              empty={t('teacher.slots.empty')}
              columns={[
                { header: t('teacher.slots.day'), cell: (session) => formatDay(session.startsAt) },
                {
                  header: t('teacher.slots.time'),
                  cell: (session) =>
                    t('common.timeRange', { from: formatTime(session.startsAt), to: formatTime(session.endsAt) }),
                },
                { header: t('teacher.slots.pack'), cell: (session) => packNames.get(session.packId)?.name ?? '—' },
                { header: t('teacher.slots.status'), cell: (session) => t(`sessionStatus.${session.status}`) },
                {
                  header: t('teacher.slots.open'),
                  cell: (session) => (
                    <Link to={`/enseignant/seances/${session.id}`}>
                      {t('teacher.slots.openLink', {
                        day: formatDay(session.startsAt),
                        time: formatTime(session.startsAt),
                      })}
                    </Link>
                  ),
                },
              ]}
            />
          );
        }}
      </Loaded>
    </Page>
  );
}
