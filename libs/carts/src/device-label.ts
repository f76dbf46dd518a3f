const KIND_LABELS: Record<string, { noun: string; feminine: boolean }> = {
  tablet: { noun: 'tablette', feminine: true },
  tablet_pc: { noun: 'tablette PC', feminine: true },
  laptop: { noun: 'ordinateur', feminine: false },
};

/** How a teacher names a device of the pack: "tablette 7" (its number in the pack), else its serial number. */
export function deviceLabel(deviceKind: string, positionInPack: number | null, serialNumber: string): string {
  const kind = KIND_LABELS[deviceKind]?.noun ?? 'appareil';
  return positionInPack ? `${kind} ${positionInPack}` : `${kind} ${serialNumber}`;
}

/** "tablette 7 non rangée", "ordinateur 3 non rangé". */
export function notStoredMessage(deviceKind: string, label: string): string {
  return `${label} non ${KIND_LABELS[deviceKind]?.feminine ? 'rangée' : 'rangé'}`;
}
