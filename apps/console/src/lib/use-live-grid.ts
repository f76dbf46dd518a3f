import { useEffect, useState } from 'react';
import { apiGet } from './api';

export interface LiveGridDevice {
  id: string;
  number: number | null;
  label: string;
  state: string;
  locked: boolean;
  batteryLevel: number | null;
  charging: boolean | null;
  docked: boolean | null;
  lastCheckinAt: string | null;
  screenCommand: { type: 'lock' | 'unlock'; status: string } | null;
}

export interface LiveGrid {
  sessionId: string;
  status: string;
  screensLocked: boolean;
  endsAt: string;
  devices: LiveGridDevice[];
}

/**
 * The session's grid over server-sent events. EventSource cannot send the bearer token, so the
 * stream opens with a one-minute token from GET /sessions/:id/live-token; when the connection
 * drops, a new token is fetched and the stream reopened.
 */
export function useLiveGrid(sessionId: string | undefined): { grid: LiveGrid | null; connected: boolean } {
  const [grid, setGrid] = useState<LiveGrid | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!sessionId) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let finished = false;
    const open = async () => {
      try {
        const { token, streamUrl } = await apiGet<{ token: string; streamUrl: string }>(
          `/sessions/${sessionId}/live-token`,
        );
        if (closed) return;
        source = new EventSource(`${streamUrl}?token=${encodeURIComponent(token)}`);
        source.addEventListener('open', () => setConnected(true));
        source.addEventListener('grid', (event) => {
          const next = JSON.parse((event as MessageEvent<string>).data) as LiveGrid;
          finished = next.status === 'ended' || next.status === 'cancelled';
          setGrid(next);
        });
        source.addEventListener('error', () => {
          source?.close();
          setConnected(false);
          if (!closed && !finished) retry = setTimeout(open, 3_000);
        });
      } catch {
        if (!closed) retry = setTimeout(open, 5_000);
      }
    };
    void open();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [sessionId]);
  return { grid, connected };
}
