import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert';
import { Button, SelectField } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { apiGet, apiPost, apiPut } from '../../lib/api';
import { formatPercent } from '../../lib/format';
import { usePacks } from '../../lib/queries';
import { t } from '../../i18n/i18n';
import { CartSummary } from './carts-page';

interface CartDevice {
  id: string;
  label: string;
  docked: boolean | null;
  charging: boolean | null;
  batteryLevel: number | null;
}

interface CartView extends CartSummary {
  pack: { id: string; name: string; capacity: number } | null;
  slots: Array<{ number: number; device: CartDevice | null }>;
  counts: { devices: number; docked: number; charging: number };
  missing: CartDevice[];
  notCharging: CartDevice[];
  unassigned: CartDevice[];
}

function slotText(device: CartDevice | null): string {
  if (!device) return t('technician.cart.emptySlot');
  const where = device.docked === null ? t('live.dockUnknown') : device.docked ? t('live.docked') : t('live.undocked');
  const battery = device.batteryLevel === null ? '' : ` · ${formatPercent(device.batteryLevel / 100)}`;
  return `${device.label} · ${where}${device.charging ? ` · ${t('live.charging')}` : ''}${battery}`;
}

/** The cart drawn as it stands in the classroom: numbered slots, each with its device and whether it is back and charging. */
export function CartPage() {
  const { id } = useParams();
  const client = useQueryClient();
  const cart = useQuery({ queryKey: ['cart', id], queryFn: ({ signal }) => apiGet<CartView>(`/carts/${id}`, signal) });
  const packs = usePacks(cart.data?.schoolId);
  const [packId, setPackId] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['cart', id] });
  const setPack = useMutation({
    mutationFn: () => apiPut(`/carts/${id}/pack`, { packId: packId || null }),
    onSuccess: refresh,
  });
  const autoAssign = useMutation({
    mutationFn: () => apiPost(`/carts/${id}/slots/auto-assign`, {}),
    onSuccess: refresh,
  });
  return (
    <Page title={cart.data ? t('technician.cart.title', { label: cart.data.label }) : t('common.loading')}>
      <Loaded query={cart}>
        {(data) => (
          <>
            <p>
              {t('technician.cart.summary', {
                location: data.location,
                count: data.slotCount,
                pack: data.pack?.name ?? t('technician.cart.noPack'),
                docked: data.counts.docked,
                devices: data.counts.devices,
                charging: data.counts.charging,
              })}
            </p>
            <ol className="cart" aria-label={t('technician.cart.drawing', { label: data.label })}>
              {data.slots.map((slot) => (
                <li
                  key={slot.number}
                  className={`cart-slot ${!slot.device ? 'cart-slot-empty' : slot.device.docked ? 'cart-slot-docked' : 'cart-slot-out'}`}
                >
                  <span className="cart-slot-number">{slot.number}</span>
                  <span>{slotText(slot.device)}</span>
                </li>
              ))}
            </ol>
            {data.missing.length ? (
              <Section title={t('technician.cart.missing')} id="missing">
                <ul>
                  {data.missing.map((device) => (
                    <li key={device.id}>{device.label}</li>
                  ))}
                </ul>
              </Section>
            ) : null}
            <Section title={t('technician.cart.packTitle')} id="cart-pack">
              <SelectField
                label={t('technician.cart.pack')}
                name="packId"
                value={packId || data.packId || ''}
                placeholder={t('technician.cart.noPack')}
                onChange={setPackId}
                options={(packs.data?.items ?? []).map((pack) => ({ value: pack.id, label: pack.name }))}
              />
              <div className="toolbar">
                <Button onPress={() => setPack.mutate()} isDisabled={setPack.isPending}>
                  {t('technician.cart.setPack')}
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => autoAssign.mutate()}
                  isDisabled={!data.packId || autoAssign.isPending}
                >
                  {t('technician.cart.autoAssign')}
                </Button>
              </div>
              <ErrorAlert error={setPack.error ?? autoAssign.error} />
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
