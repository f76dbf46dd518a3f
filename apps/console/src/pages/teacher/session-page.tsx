import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { Button } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, apiPost } from '../../lib/api';
import { formatDay, formatDateTime, formatTime } from '../../lib/format';
import { Session, usePack } from '../../lib/queries';
import { useLiveGrid } from '../../lib/use-live-grid';
import { t } from '../../i18n/i18n';
import { LiveGridView } from './live-grid';

interface SessionDetail extends Session {
  devices: Array<{ id: string; label: string; state: string }>;
  returnCheck: {
    checkedAt: string;
    notReturned: Array<{
      deviceId: string;
      slotNumber: number | null;
      docked: boolean | null;
      charging: boolean | null;
      message: string;
    }>;
  } | null;
}

/** Driving the lesson: start (at its time), every screen locked or unlocked at once, the end, and what was not put back. */
export function SessionPage() {
  const { id } = useParams();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['session', id],
    queryFn: ({ signal }) => apiGet<SessionDetail>(`/sessions/${id}`, signal),
  });
  const pack = usePack(detail.data?.packId);
  const { grid, connected } = useLiveGrid(id);
  const refresh = () => client.invalidateQueries({ queryKey: ['session', id] });
  const lock = useMutation({ mutationFn: () => apiPost(`/sessions/${id}/lock`), onSuccess: refresh });
  const unlock = useMutation({ mutationFn: () => apiPost(`/sessions/${id}/unlock`), onSuccess: refresh });
  const end = useMutation({ mutationFn: () => apiPost(`/sessions/${id}/end`), onSuccess: refresh });
  const status = grid?.status ?? detail.data?.status;
  const title = detail.data
    ? t('teacher.session.title', {
        pack: pack.data?.name ?? '',
        day: formatDay(detail.data.startsAt),
        time: formatTime(detail.data.startsAt),
      })
    : t('teacher.session.titleLoading');
  const outOfCart = (grid?.devices ?? []).filter((device) => device.docked !== true || device.charging !== true);

  return (
    <Page title={title}>
      <Loaded query={detail}>
        {(session) => (
          <>
            <p className="session-status" aria-live="polite" data-testid="session-status">
              {t(`sessionStatus.${status}`)} —{' '}
              {t('common.timeRange', {
                from: formatTime(session.startsAt),
                to: formatTime(grid?.endsAt ?? session.endsAt),
              })}
            </p>
            {status === 'scheduled' ? (
              <p>{t('teacher.session.startsAt', { time: formatDateTime(session.startsAt) })}</p>
            ) : null}
            {session.mine && (status === 'active' || status === 'scheduled') ? (
              <div className="toolbar controls">
                {status === 'active' ? (
                  <>
                    <Button onPress={() => lock.mutate()} isDisabled={lock.isPending}>
                      {t('teacher.session.lock')}
                    </Button>
                    <Button variant="secondary" onPress={() => unlock.mutate()} isDisabled={unlock.isPending}>
                      {t('teacher.session.unlock')}
                    </Button>
                  </>
                ) : null}
                <ConfirmDialog
                  trigger={status === 'active' ? t('teacher.session.end') : t('teacher.session.cancel')}
                  title={status === 'active' ? t('teacher.session.endTitle') : t('teacher.session.cancelTitle')}
                  confirmLabel={
                    status === 'active' ? t('teacher.session.endConfirm') : t('teacher.session.cancelConfirm')
                  }
                  onConfirm={() => end.mutateAsync()}
                >
                  <p>{status === 'active' ? t('teacher.session.endText') : t('teacher.session.cancelText')}</p>
                  <ErrorAlert error={end.error} />
                </ConfirmDialog>
              </div>
            ) : null}
            <ErrorAlert error={lock.error ?? unlock.error} />
            <Section title={t('teacher.session.gridTitle')} id="grid-title">
              <p className="muted">{connected ? t('live.connected') : t('live.connecting')}</p>
              {grid ? <LiveGridView devices={grid.devices} /> : null}
            </Section>
            {status === 'ended' ? (
              <Section title={t('teacher.session.returnTitle')} id="return-title">
                {session.returnCheck ? (
                  session.returnCheck.notReturned.length ? (
                    <ul data-testid="not-returned">
                      {session.returnCheck.notReturned.map((device) => (
                        <li key={device.deviceId}>{device.message}</li>
                      ))}
                    </ul>
                  ) : (
                    <p>{t('teacher.session.allReturned')}</p>
                  )
                ) : (
                  <>
                    <p>{t('teacher.session.returnPending')}</p>
                    {outOfCart.length ? (
                      <ul data-testid="not-returned">
                        {outOfCart.map((device) => (
                          <li key={device.id}>
                            {device.docked !== true
                              ? t('teacher.session.notDocked', { label: device.label })
                              : t('teacher.session.notCharging', { label: device.label })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p>{t('teacher.session.allReturned')}</p>
                    )}
                  </>
                )}
              </Section>
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
