import { LiveGridDevice } from '../../lib/use-live-grid';
import { formatPercent } from '../../lib/format';
import { t } from '../../i18n/i18n';

function commandText(device: LiveGridDevice): string {
  if (!device.screenCommand) return t('live.noCommand');
  return t(`live.command.${device.screenCommand.type}.${device.screenCommand.status}`, {
    defaultValue: t('live.command.other'),
  });
}

/** One tile per device, numbered like its slot in the cart; every state is said in words, not only in colour. */
export function LiveGridView({ devices }: { devices: LiveGridDevice[] }) {
  const locked = devices.filter((device) => device.locked).length;
  return (
    <>
      <p aria-live="polite" className="live-summary" data-testid="live-summary">
        {t('live.summary', { count: locked, total: t('live.devices', { count: devices.length }) })}
      </p>
      <ul className="grid" aria-label={t('live.gridLabel')}>
        {devices.map((device) => (
          <li
            key={device.id}
            className={`tile ${device.locked ? 'tile-locked' : 'tile-open'}`}
            data-testid="grid-tile"
            data-locked={device.locked}
          >
            <span className="tile-number" aria-hidden="true">
              {device.number ?? '?'}
            </span>
            <span className="tile-label">{device.label}</span>
            <span className="tile-state">{device.locked ? t('live.locked') : t('live.unlocked')}</span>
            <span>
              {device.batteryLevel === null
                ? t('live.batteryUnknown')
                : t('live.battery', { level: formatPercent(device.batteryLevel / 100) })}
              {device.charging ? ` · ${t('live.charging')}` : ''}
            </span>
            <span>
              {device.docked === null ? t('live.dockUnknown') : device.docked ? t('live.docked') : t('live.undocked')}
            </span>
            <span className="tile-command">{commandText(device)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
