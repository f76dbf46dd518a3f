import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert';
import { Button } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page } from '../../components/page';
import { apiGet, apiPost, Page as ApiPage, query } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../i18n/i18n';

interface Notification {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** What Socle wants a technician to know (devices not put back after a lesson, …); marked read one by one. */
export function NotificationsPage() {
  const client = useQueryClient();
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => apiGet<ApiPage<Notification>>(`/notifications${query({ limit: 100 })}`, signal),
  });
  const read = useMutation({
    mutationFn: (id: string) => apiPost(`/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Page title={t('technician.notifications.title')}>
      <ErrorAlert error={read.error} />
      <Loaded query={notifications}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('technician.notifications.empty')}</p>
          ) : (
            <ul className="notifications">
              {page.items.map((item) => (
                <li key={item.id} className={item.readAt ? 'card read' : 'card'}>
                  <h2>{item.title}</h2>
                  <p className="muted">{formatDateTime(item.createdAt)}</p>
                  <p>{item.body}</p>
                  {item.readAt ? (
                    <p className="muted">
                      {t('technician.notifications.readAt', { date: formatDateTime(item.readAt) })}
                    </p>
                  ) : (
                    <Button variant="secondary" onPress={() => read.mutate(item.id)}>
                      {t('technician.notifications.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
