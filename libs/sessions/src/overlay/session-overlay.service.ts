import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeviceEventPayload, OnDeviceEvent } from '@socle/core';
import { OsFamily } from '@socle/fleet';
import { PkiService } from '@socle/pki';
import { renderSessionOverlay } from './render-session-overlay';
import { RenderedOverlay, SessionOverlayInput, sessionIdentifier } from './session-overlay.types';

const CACHE_SIZE = 200;

/**
 * Renders the session overlay when a device fetches `session_start` (so device_commands keeps only
 * the session id), once per session and platform: a 15-tablet pack signs it once. `session_end`
 * carries what to remove.
 */
@Injectable()
export class SessionOverlayService {
  private readonly cache = new Map<string, Promise<RenderedOverlay>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pki: PkiService,
  ) {}

  @OnDeviceEvent('command.handed-over', { commandType: 'session_start' })
  async handOverStart({ device, command }: DeviceEventPayload<'command.handed-over'>) {
    return {
      ...command.payload,
      overlay: await this.render(String(command.payload.sessionId), device.osFamily as OsFamily),
    };
  }

  @OnDeviceEvent('command.handed-over', { commandType: 'session_end' })
  async handOverEnd({ command }: DeviceEventPayload<'command.handed-over'>) {
    return { ...command.payload, overlayIdentifier: sessionIdentifier(String(command.payload.sessionId)) };
  }

  render(sessionId: string, osFamily: OsFamily): Promise<RenderedOverlay> {
    const key = `${sessionId}:${osFamily}`;
    let rendered = this.cache.get(key);
    if (!rendered) {
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      rendered = this.renderUncached(sessionId, osFamily);
      rendered.catch(() => this.cache.delete(key));
      this.cache.set(key, rendered);
    }
    return rendered;
  }

  private async renderUncached(sessionId: string, osFamily: OsFamily): Promise<RenderedOverlay> {
    const input = await this.input(sessionId, osFamily);
    const signer =
      osFamily === 'ipados'
        ? await this.pki.collectiviteSigner(input.collectivite.id, input.collectivite.name)
        : undefined;
    return renderSessionOverlay(input, osFamily, signer);
  }

  private async input(sessionId: string, osFamily: OsFamily): Promise<SessionOverlayInput> {
    const [session] = await this.dataSource.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.allowed_app_ids, s.allowed_domains, c.name AS classroom, k.id AS collectivite_id, k.name AS collectivite
         FROM class_sessions s JOIN classrooms c ON c.id = s.classroom_id JOIN collectivites k ON k.id = s.collectivite_id WHERE s.id = $1`,
      [sessionId],
    );
    if (!session) throw new Error(`session ${sessionId} not found`);
    const apps: Array<{ identifier: string; name: string }> = await this.dataSource.query(
      'SELECT identifier, name FROM catalog_apps WHERE id = ANY($1::uuid[]) AND platform = $2 ORDER BY name',
      [session.allowed_app_ids, osFamily],
    );
    return {
      sessionId: session.id,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      classroom: session.classroom,
      collectivite: { id: session.collectivite_id, name: session.collectivite },
      apps,
      domains: session.allowed_domains,
    };
  }
}
