import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../../../test/support/api-client';
import { createSchool, createTenant, expectCreated, Tenant } from '../../../test/support/factories';
import { PLATFORM_ADMIN, startStack, TestStack } from '../../../test/support/test-stack';
import { createClassroom, enrollPack } from '../../../test/support/factories';
import { checkPage, launchBrowser, logIn, openConsole } from './support/console-browser';
import { PASSWORD } from './support/console-people';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const patch = (client: ApiClient, path: string, body: unknown) => client.request<any>('PATCH', path, body);

/**
 * The collectivité's officer reads the dashboards (charts drawn from real check-ins and purchase
 * data), exports a table as the API's CSV, records a reprise, reads the audit log and creates an
 * account; the operator creates a collectivité. axe-core on every page.
 */
describe('Console, collectivité and operator: dashboards, reprises, audit, accounts', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let town: Tenant;
  let retiredSerial: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    town = await createTenant(stack);
    const school = await createSchool(town.technician, 6);
    await createClassroom(town.technician, school.id, 'CM2');
    const { devices } = await enrollPack(stack, town.technician, school.id, 3, 10);
    devices.forEach((device) => device.stop());
    // One warranty ends this quarter, one the next; the third device is retired (dead), for a reprise.
    const purchase = [
      { warrantyEnd: daysAhead(40), purchasePrice: 389.9 },
      { warrantyEnd: daysAhead(130), purchasePrice: 500 },
      { warrantyEnd: daysAhead(2000), purchasePrice: 420 },
    ];
    for (const [index, device] of devices.entries())
      expectCreated(
        await patch(town.technician, `/api/v1/devices/${device.deviceId}/purchase-data`, {
          purchaseDate: '2024-09-01',
          ...purchase[index],
        }),
        'purchase data',
      );
    retiredSerial = devices[2].serialNumber;
    const retired = await town.technician.post(`/api/v1/devices/${devices[2].deviceId}/retire`, {
      reason: 'Écran cassé, irréparable',
      force: true,
    });
    expect(retired.body.state).toBe('retired');
    ({ page, errors } = await openConsole(browser, stack.apiUrl));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('draws fleet health and the warranty timeline from the data, each chart with its table', async () => {
    await logIn(page, town.adminEmail, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/collectivite');
    await page.getByTestId('chart').nth(3).locator('svg path').first().waitFor({ state: 'attached' });
    // ECharts' aria module puts each chart's values, in French, on the chart for screen readers.
    const described = await page
      .getByTestId('chart')
      .evaluateAll((charts: any[]) => charts.map((chart) => chart.getAttribute('aria-label')));
    expect(described).toEqual([
      'Dernier contact des appareils en service. Vus en 24 h : 2 appareils ; Vus en 7 jours : 0 appareil ; Pas vus depuis 7 jours : 0 appareil.',
      expect.stringMatching(/^Santé des batteries\. Moins de 60 % : \d+ appareils? ; 60 à 79 % : /),
      'Versions du système. ipados 18.1 : 2 appareils.',
      expect.stringMatching(
        /^Fins de garantie par trimestre, avec leur valeur d’achat\. 1er trimestre à venir : 1 appareil, 390\s€ ; 2e trimestre à venir : 1 appareil, 500\s€ ; /,
      ),
    ]);
    await checkPage(page, 'collectivite-tableau-de-bord', 'Tableau de bord');
    expect(await page.getByTestId('chart').count()).toBe(4);
    for (const chart of await page.getByTestId('chart').all())
      expect(await chart.locator('svg path').count()).toBeGreaterThan(3);
    await expect(
      page.getByText('Dernier contact des appareils en service — 100 % vus en 24 h').isVisible(),
    ).resolves.toBe(true);
    const quarters = page.getByRole('table', { name: 'Fins de garantie dans les quatre prochains trimestres' });
    const cells = async (row: number) =>
      (await quarters.getByRole('row').nth(row).getByRole('cell').allTextContents()).map((text) =>
        text.replace(/\s/g, ' '),
      );
    expect(await cells(1)).toEqual(['1er trimestre à venir', '1', '390 €']);
    expect(await cells(2)).toEqual(['2e trimestre à venir', '1', '500 €']);
  });

  it('exports a table as the API’s CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter « Santé du parc par école » (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sante-du-parc.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const direct = await town.admin.get('/api/v1/reports/fleet-health.csv');
    // Spreadsheet-ready as the API writes it: the BOM is kept in the saved file.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      (direct.body as string).replace(/^\uFEFF/, '').split('\n')[0],
    );
    expect(csv.split('\n').length).toBeGreaterThan(2);
  });

  it('shows the socle numérique table and the renewal plan', async () => {
    await page.getByRole('link', { name: 'Socle numérique' }).click();
    await checkPage(page, 'collectivite-socle', 'Socle numérique de base');
    expect(
      await page
        .getByRole('table', { name: 'Conformité au socle numérique, école par école' })
        .getByRole('row')
        .count(),
    ).toBe(2);
    await page.getByRole('link', { name: 'Renouvellement' }).click();
    await page.getByTestId('chart').locator('svg path').first().waitFor({ state: 'attached' });
    await checkPage(page, 'collectivite-renouvellement', 'Plan de renouvellement');
  });

  it('records a reprise of the retired device and downloads its bordereau', async () => {
    await page.getByRole('link', { name: 'Reprises' }).click();
    await checkPage(page, 'collectivite-reprises', 'Reprises et bordereaux');
    await page.getByLabel('Repreneur').fill('Ecologic');
    await page.getByLabel(retiredSerial).check();
    await page.getByRole('button', { name: 'Enregistrer la reprise' }).click();
    await page.getByText('Reprise enregistrée').waitFor();
    const csvButton = page.getByRole('button', { name: /^CSV du bordereau SOCLE-/ });
    await csvButton.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(retiredSerial);
    await checkPage(page, 'collectivite-reprise-enregistree', 'Reprises et bordereaux');
  });

  it('filters the audit log and creates an account', async () => {
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.getByLabel('Objet').selectOption({ label: 'Appareil' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('cell', { name: 'Appareil' }).first().waitFor();
    const kinds = await page.getByRole('table').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['Appareil']));
    await checkPage(page, 'collectivite-journal', 'Journal des modifications');
    await page.getByRole('link', { name: 'Comptes' }).click();
    await checkPage(page, 'collectivite-comptes', 'Comptes');
    await page.getByLabel('Adresse électronique').fill('nouvelle.technicienne@ville.test');
    await page.getByLabel('Mot de passe provisoire').fill('un-mot-de-passe-assez-long-2026');
    await page.getByLabel('Rôle').selectOption('technician');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte nouvelle.technicienne@ville.test créé.').waitFor();
    expect(errors).toEqual([]);
  });

  it('logs the operator in on the collectivités page, and creates one', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await logIn(page, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/operateur');
    await checkPage(page, 'operateur-collectivites', 'Collectivités');
    await page.getByLabel('Nom', { exact: true }).fill('Communauté de communes du Val');
    await page.getByLabel('Type').selectOption('epci');
    await page.getByRole('button', { name: 'Créer la collectivité' }).click();
    await page.getByRole('cell', { name: 'Communauté de communes du Val' }).waitFor();
    await page.goto('/collectivite');
    await page.getByRole('heading', { name: 'Page réservée' }).waitFor();
  });
});
