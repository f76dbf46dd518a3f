import PDFDocument from 'pdfkit';
import { REPRISE_KIND_LABELS } from './lifecycle-enums';
import { frenchDate, frenchDateTime } from './paris-time';
import { BordereauLine, RepriseView } from './reprise-view';

const MARGIN = 40;
const FOOTER_HEIGHT = 30;
const CELL_PADDING = 4;
const COLUMNS: Array<{ title: string; width: number; text: (line: BordereauLine, index: number) => string }> = [
  { title: 'N°', width: 28, text: (_line, index) => String(index + 1) },
  { title: 'Numéro de série', width: 118, text: (line) => line.serialNumber },
  { title: "N° d'inventaire", width: 96, text: (line) => line.inventoryNumber ?? '—' },
  { title: 'Modèle', width: 130, text: (line) => [line.model ?? 'inconnu', line.osFamily].join(' — ') },
  { title: 'Retiré le', width: 72, text: (line) => (line.retiredAt ? frenchDate(new Date(line.retiredAt)) : '—') },
  { title: "Preuve d'effacement", width: 318, text: wipeProof },
];

function wipeProof(line: BordereauLine): string {
  if (line.wipeAcknowledgedAt) {
    // One fact per line, so that the identifiers are never cut where they would be copied from.
    return [
      `Effacement confirmé par l'appareil le ${frenchDateTime(line.wipeAcknowledgedAt)}`,
      `Commande : ${line.wipeCommandId}`,
      ...(line.certificateSerial ? [`Certificat révoqué : ${line.certificateSerial}`] : []),
    ].join('\n');
  }
  if (line.forced) return `Retrait forcé sans effacement confirmé : ${line.forcedReason ?? 'raison non indiquée'}.`;
  return 'Aucune preuve d’effacement.';
}

/** The printable slip handed to the party with the devices: who, what, when, and each device's wipe proof; signed on paper by both. */
export function bordereauPdf(reprise: RepriseView, generatedAt = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Bordereau de reprise n° ${reprise.slipNumber}`,
      Author: reprise.collectiviteName,
      Creator: 'Socle',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  heading(doc, reprise, generatedAt);
  table(doc, reprise.devices);
  signatures(doc);
  footers(doc, reprise.slipNumber);
  doc.end();
  return finished;
}

function heading(doc: PDFKit.PDFDocument, reprise: RepriseView, generatedAt: Date): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text("Bordereau de reprise d'équipements électriques et électroniques (DEEE)", { align: 'center' });
  doc.moveDown(0.3).fontSize(12).text(`N° ${reprise.slipNumber}`, { align: 'center' });
  doc.moveDown(0.8).font('Helvetica').fontSize(10);
  const facts: Array<[string, string]> = [
    ['Détenteur', reprise.collectiviteName],
    ['Repreneur', reprise.partyName],
    ['Nature de la reprise', REPRISE_KIND_LABELS[reprise.kind]],
    ['Date de remise', frenchDate(reprise.date)],
    ["Nombre d'appareils", String(reprise.deviceCount)],
  ];
  for (const [label, value] of facts)
    doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
  doc
    .moveDown(0.5)
    .fontSize(8.5)
    .fillColor('#333333')
    .text(
      'Remise au titre des obligations de reprise des DEEE (arrêté du 8 octobre 2014). Chaque appareil ci-dessous a quitté la flotte de la collectivité : ' +
        "son effacement a été demandé à distance et confirmé par l'appareil (preuve : date de l'accusé et identifiant de la commande), ou, pour un appareil hors service, " +
        `le retrait a été forcé par un technicien avec la raison indiquée. Document établi par Socle le ${frenchDateTime(generatedAt)}.`,
    );
  doc.fillColor('black').moveDown(0.8);
}

function table(doc: PDFKit.PDFDocument, lines: BordereauLine[]): void {
  header(doc);
  doc.font('Helvetica').fontSize(8.5);
  lines.forEach((line, index) => {
    const texts = COLUMNS.map((column) => column.text(line, index));
    const height =
      Math.max(
        ...texts.map((text, column) => doc.heightOfString(text, { width: COLUMNS[column].width - 2 * CELL_PADDING })),
      ) +
      2 * CELL_PADDING;
    if (doc.y + height > doc.page.height - MARGIN - FOOTER_HEIGHT) {
      doc.addPage();
      header(doc);
      doc.font('Helvetica').fontSize(8.5);
    }
    row(doc, texts, height);
  });
  if (!lines.length) doc.text('Aucun appareil.', MARGIN, doc.y + CELL_PADDING);
}

function header(doc: PDFKit.PDFDocument): void {
  doc.font('Helvetica-Bold').fontSize(8.5);
  const titles = COLUMNS.map((column) => column.title);
  const height =
    Math.max(
      ...titles.map((title, column) => doc.heightOfString(title, { width: COLUMNS[column].width - 2 * CELL_PADDING })),
    ) +
    2 * CELL_PADDING;
  const top = doc.y;
  doc
    .rect(
      MARGIN,
      top,
      COLUMNS.reduce((sum, column) => sum + column.width, 0),
      height,
    )
    .fill('#e8e8e8')
    .fillColor('black');
  doc.y = top;
  row(doc, titles, height);
}

function row(doc: PDFKit.PDFDocument, texts: string[], height: number): void {
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((text, column) => {
    const width = COLUMNS[column].width;
    doc.rect(x, top, width, height).lineWidth(0.5).stroke('#999999');
    doc.fillColor('black').text(text, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING });
    x += width;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function signatures(doc: PDFKit.PDFDocument): void {
  const boxHeight = 80;
  if (doc.y + boxHeight + 30 > doc.page.height - MARGIN - FOOTER_HEIGHT) doc.addPage();
  const top = doc.y + 20;
  const width = 360;
  doc.font('Helvetica-Bold').fontSize(9);
  for (const [index, title] of [
    'Remis par (détenteur) — nom, date, signature',
    'Reçu par (repreneur) — nom, date, signature',
  ].entries()) {
    const x = MARGIN + index * (width + 42);
    doc.rect(x, top, width, boxHeight).lineWidth(0.5).stroke('#999999');
    doc.text(title, x + 6, top + 6, { width: width - 12 });
  }
  doc.x = MARGIN;
  doc.y = top + boxHeight;
}

/** Written last, once the page count is known (bufferPages). */
function footers(doc: PDFKit.PDFDocument, slipNumber: string): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.height - MARGIN - 12;
    // Inside the bottom margin: lift it for this line so pdfkit does not open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Bordereau n° ${slipNumber} — page ${page + 1} / ${range.count}`, MARGIN, bottom, {
        align: 'right',
        width: doc.page.width - 2 * MARGIN,
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor('black');
}
