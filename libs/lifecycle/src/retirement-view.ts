import { DeviceState } from '@socle/fleet';

/** The end-of-life record of a device, as the technician and the bordereau see it. */
export interface RetirementView {
  deviceId: string;
  serialNumber: string;
  state: DeviceState;
  reason: string;
  requestedAt: Date;
  requestedBy: string | null;
  wipe: {
    commandId: string | null;
    /** pending / delivered / acknowledged / failed / superseded: where the wipe command stands. */
    status: string | null;
    acknowledgedAt: Date | null;
    acknowledgement: string | null;
    lastError: string | null;
  };
  forced: boolean;
  forcedAt: Date | null;
  forcedBy: string | null;
  forcedReason: string | null;
  completedAt: Date | null;
  certificateSerial: string | null;
}

export const RETIREMENT_VIEW_SQL = `
  SELECT d.id AS "deviceId", d.serial_number AS "serialNumber", d.state, r.reason, r.requested_at AS "requestedAt", r.requested_by AS "requestedBy",
         json_build_object('commandId', r.wipe_command_id, 'status', c.status, 'acknowledgedAt', r.wipe_acknowledged_at,
                           'acknowledgement', r.wipe_acknowledgement, 'lastError', c.last_error) AS wipe,
         r.forced, r.forced_at AS "forcedAt", r.forced_by AS "forcedBy", r.forced_reason AS "forcedReason",
         r.completed_at AS "completedAt", r.certificate_serial AS "certificateSerial"
    FROM device_retirements r
    JOIN devices d ON d.id = r.device_id
    LEFT JOIN device_commands c ON c.id = r.wipe_command_id`;
