import { CsvColumn, toCsv } from '@socle/core';
import { BordereauLine, RepriseView } from './reprise-view';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

const COLUMNS: Array<CsvColumn<BordereauLine & { reprise: RepriseView }>> = [
  { header: 'slipNumber', value: (line) => line.reprise.slipNumber },
  { header: 'repriseKind', value: (line) => line.reprise.kind },
  { header: 'partyName', value: (line) => line.reprise.partyName },
  { header: 'date', value: (line) => line.reprise.date },
  { header: 'serialNumber', value: (line) => line.serialNumber },
  { header: 'inventoryNumber', value: (line) => line.inventoryNumber },
  { header: 'model', value: (line) => line.model },
  { header: 'osFamily', value: (line) => line.osFamily },
  { header: 'deviceKind', value: (line) => line.deviceKind },
  { header: 'purchaseDate', value: (line) => line.purchaseDate },
  { header: 'retiredAt', value: (line) => iso(line.retiredAt) },
  {
    header: 'wipeProof',
    value: (line) => (line.wipeAcknowledgedAt ? 'wipe_acknowledged' : line.forced ? 'forced_without_wipe' : 'none'),
  },
  { header: 'wipeCommandId', value: (line) => line.wipeCommandId },
  { header: 'wipeAcknowledgedAt', value: (line) => iso(line.wipeAcknowledgedAt) },
  { header: 'wipeAcknowledgement', value: (line) => line.wipeAcknowledgement },
  { header: 'forcedReason', value: (line) => line.forcedReason },
  { header: 'revokedCertificateSerial', value: (line) => line.certificateSerial },
];

/** One line per device, the reprise repeated on each so that a spreadsheet filter keeps it. */
export function bordereauCsv(reprise: RepriseView): string {
  return toCsv(
    COLUMNS,
    reprise.devices.map((line) => ({ ...line, reprise })),
  );
}
