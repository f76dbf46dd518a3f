import { Readable } from 'node:stream';
import { sniffDelimiter } from '@socle/core';
import { parsePrice, parsePurchaseRow } from './purchase-data-row';

describe('purchase data rows', () => {
  it('reads prices the way French spreadsheets write them', () => {
    expect(['389,90 €', '1 249,00', '1\u202f249,5', '399', '12.3'].map(parsePrice)).toEqual([
      389.9, 1249, 1249.5, 399, 12.3,
    ]);
    expect(['deux cents', '-5', '1,234,5', '12,345', ''].map(parsePrice)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('leaves empty cells out of the change and accepts French words for funding and refurbished', () => {
    expect(
      parsePurchaseRow(
        { serialNumber: ' SN-1 ', fundingSource: 'Budget propre', refurbished: 'oui', purchaseDate: '01/09/2026' },
        2,
      ),
    ).toEqual({
      serialNumber: 'SN-1',
      line: 2,
      data: {
        inventoryNumber: null,
        purchaseDate: '2026-09-01',
        supplier: null,
        orderReference: null,
        fundingSource: 'own_budget',
        purchasePrice: null,
        refurbished: true,
        maintenanceMode: null,
        maintenanceEnd: null,
        warrantyEnd: null,
        takeBackTerms: null,
      },
    });
  });

  it('names every problem of a line', () => {
    const errors = parsePurchaseRow(
      {
        serialNumber: '',
        fundingSource: 'loto',
        purchasePrice: 'gratuit',
        purchaseDate: '2026-09-01',
        warrantyEnd: '2025-01-01',
        maintenanceMode: 'magie',
        inventoryNumber: '<script>',
      },
      7,
    );
    expect(Array.isArray(errors) && errors.map((error) => `${error.line}:${error.code}`)).toEqual([
      '7:SERIAL_MISSING',
      '7:INVENTORY_NUMBER_INVALID',
      '7:FUNDING_SOURCE_INVALID',
      '7:PRICE_INVALID',
      '7:MAINTENANCE_MODE_INVALID',
      '7:WARRANTY_BEFORE_PURCHASE',
    ]);
  });

  it('takes the separator from the header line and hands the whole file back', async () => {
    const read = async (text: string) => {
      const { delimiter, stream } = await sniffDelimiter(
        Readable.from([Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))]),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { delimiter, text: Buffer.concat(chunks).toString('utf8') };
    };
    expect(await read('serialNumber;purchasePrice\nSN-1;389,90\n')).toEqual({
      delimiter: ';',
      text: 'serialNumber;purchasePrice\nSN-1;389,90\n',
    });
    expect(await read('serialNumber,purchasePrice\r\nSN-1,"389,90"\r\n')).toEqual({
      delimiter: ',',
      text: 'serialNumber,purchasePrice\r\nSN-1,"389,90"\r\n',
    });
  });
});
