import { RepriseKind } from './lifecycle-enums';

/** One line of a bordereau: the device and the proof that it was wiped (or why it could not be). */
export interface BordereauLine {
  deviceId: string;
  serialNumber: string;
  inventoryNumber: string | null;
  model: string | null;
  osFamily: string;
  deviceKind: string;
  purchaseDate: string | null;
  retiredAt: Date | null;
  wipeCommandId: string | null;
  wipeAcknowledgedAt: Date | null;
  wipeAcknowledgement: string | null;
  forced: boolean;
  forcedReason: string | null;
  certificateSerial: string | null;
}

export interface RepriseView {
  id: string;
  kind: RepriseKind;
  partyName: string;
  slipNumber: string;
  date: string;
  createdAt: Date;
  createdBy: string | null;
  collectiviteName: string;
  deviceCount: number;
  devices: BordereauLine[];
}

export const BORDEREAU_LINES_SQL = `
  SELECT d.id AS "deviceId", d.serial_number AS "serialNumber", d.inventory_number AS "inventoryNumber", d.model,
         d.os_family AS "osFamily", d.device_kind AS "deviceKind", to_char(d.purchase_date, 'YYYY-MM-DD') AS "purchaseDate",
         r.completed_at AS "retiredAt", r.wipe_command_id AS "wipeCommandId", r.wipe_acknowledged_at AS "wipeAcknowledgedAt",
         r.wipe_acknowledgement AS "wipeAcknowledgement", COALESCE(r.forced, false) AS forced, r.forced_reason AS "forcedReason",
         r.certificate_serial AS "certificateSerial"
    FROM reprise_devices rd
    JOIN devices d ON d.id = rd.device_id
    LEFT JOIN device_retirements r ON r.device_id = d.id
   WHERE rd.reprise_id = $1
   ORDER BY d.serial_number`;
