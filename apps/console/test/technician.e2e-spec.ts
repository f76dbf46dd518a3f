import { Browser, Page } from 'playwright-core';
import { createSchool, createTenant, expectCreated, randomUai, Tenant } from '../../../test/support/factories';
import { startStack, TestStack } from '../../../test/support/test-stack';
import { createClassroom, enrollPack } from '../../../test/support/factories';
import { checkPage, launchBrowser, logIn, openConsole } from './support/console-browser';
import { person, PASSWORD } from './support/console-people';

const HEADER = 'serialNumber,model,osFamily,deviceKind,purchaseDate,warrantyEnd,supplier,maintenanceMode,refurbished';
const csvFile = (lines: string[]) => ({
  name: 'livraison-ugap.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...lines].join('\n') + '\n'),
});

/** A technician's day in the console: every page of the area, with axe on each, through the forms a technician uses. */
describe('Console, technician: schools, packs, carts, import, devices, profiles, filtering', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let town: Tenant;
  let technicianEmail: string;
  let pack: { id: string; name: string };
  let deviceId: string;
  let cartId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    town = await createTenant(stack);
    technicianEmail = (await person(stack, town, 'technician')).email;
    const school = await createSchool(town.technician);
    await createClassroom(town.technician, school.id, 'CP B');
    const enrolled = await enrollPack(stack, town.technician, school.id, 3, 10);
    pack = enrolled.pack;
    deviceId = enrolled.devices[0].deviceId!;
    enrolled.devices.forEach((device) => device.stop());
    cartId = expectCreated(
      await town.technician.post('/api/v1/carts', {
        schoolId: school.id,
        label: 'Chariot vert',
        slotCount: 12,
        location: 'Salle 2',
      }),
      'cart',
    ).id;
    await town.technician.put(`/api/v1/carts/${cartId}/pack`, { packId: pack.id });
    await town.technician.post(`/api/v1/carts/${cartId}/slots/auto-assign`, {});
    ({ page, errors } = await openConsole(browser, stack.apiUrl));
    await logIn(page, technicianEmail, PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  it('creates a school from the form, then opens it and adds a classroom', async () => {
    await checkPage(page, 'technicien-ecoles', 'Écoles');
    await page.getByLabel('UAI').fill(randomUai());
    await page.getByLabel('Nom', { exact: true }).fill('École des Tilleuls');
    await page.getByLabel('Classes').fill('6');
    await page.getByRole('button', { name: 'Créer l’école' }).click();
    await page.getByText('École « École des Tilleuls » créée.').waitFor();
    await page.getByRole('link', { name: 'École des Tilleuls' }).click();
    await checkPage(page, 'technicien-ecole', 'École École des Tilleuls');
    await page.getByLabel('Nom de la classe').fill('CE2 A');
    await page.getByRole('button', { name: 'Ajouter la classe' }).click();
    await page.getByRole('cell', { name: 'CE2 A' }).waitFor();
  });

  it('says in French why a form was refused (a bad UAI), never a code', async () => {
    await nav('Écoles');
    const valid = randomUai();
    const wrongLetter = String.fromCharCode(((valid.charCodeAt(7) - 65 + 1) % 26) + 65);
    await page.getByLabel('UAI').fill(`${valid.slice(0, 7)}${wrongLetter}`);
    await page.getByLabel('Nom', { exact: true }).fill('École mal saisie');
    await page.getByRole('button', { name: 'Créer l’école' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/UAI/);
    expect(text).not.toMatch(/VALIDATION_FAILED|UAI_INVALID|undefined/);
  });

  it('shows the pack, issues an enrollment token and its printable sheet with the QR code', async () => {
    await nav('Packs');
    await checkPage(page, 'technicien-packs', 'Packs');
    await page.getByRole('link', { name: pack.name }).click();
    await checkPage(page, 'technicien-pack', `Pack ${pack.name}`);
    expect(await page.getByRole('row').count()).toBe(4);
    await page.getByRole('button', { name: 'Créer un jeton et sa fiche à imprimer' }).click();
    await page.waitForURL(/\/fiche$/);
    await checkPage(page, 'technicien-fiche-inscription', /Inscription des appareils/);
    const qr = page.getByRole('img', { name: 'QR code d’inscription du pack' });
    expect(await qr.evaluate((img: any) => img.naturalWidth)).toBeGreaterThan(100);
    expect((await page.getByTestId('enrollment-token').textContent())?.length).toBeGreaterThan(20);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimer la fiche (A4)' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Revenir au pack' }).click();
  });

  it('draws the cart slot by slot', async () => {
    await page.goto('/technicien/chariots');
    await checkPage(page, 'technicien-chariots', 'Chariots');
    await page.getByRole('link', { name: 'Chariot vert' }).click();
    await checkPage(page, 'technicien-chariot', 'Chariot Chariot vert');
    const slots = page.getByRole('list', { name: /Le chariot Chariot vert/ }).getByRole('listitem');
    expect(await slots.count()).toBe(12);
    expect(await slots.nth(0).textContent()).toMatch(/^1tablette 1/);
    expect(await slots.nth(11).textContent()).toMatch(/Emplacement libre/);
  });

  it('imports a supplier CSV: one bad line is explained, the file is refused, then the fixed file goes in', async () => {
    await page.goto('/technicien/import');
    await checkPage(page, 'technicien-import', 'Import d’une livraison fournisseur');
    await page
      .getByLabel('Fichier CSV', { exact: true })
      .setInputFiles(
        csvFile([
          'UGAP-001,iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,warranty_extension,non',
          'UGAP-002,iPad 10.9,ios,tablet,2025-09-01,2028-09-01,UGAP,,non',
          'UGAP-003,iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,,non',
        ]),
      );
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('progressbar').filter({ hasText: 'Import terminé' }).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const rows = page.getByRole('table', { name: /ligne refusée/ }).getByRole('row');
    expect(await rows.count()).toBe(2);
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toMatch(/ios/);
    expect(cells[1]).not.toMatch(/undefined|[A-Z]{4,}_[A-Z]+/);
    expect(await page.getByRole('alert').textContent()).toMatch(
      /^Import refusé : 1 ligne\(s\) en erreur\. Corrigez-les/,
    );
    await checkPage(page, 'technicien-import-erreur', 'Import d’une livraison fournisseur');
    await page
      .getByLabel('Fichier CSV', { exact: true })
      .setInputFiles(
        csvFile([
          'UGAP-001,iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,warranty_extension,non',
          'UGAP-002,iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,,non',
        ]),
      );
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('2 appareil(s) créé(s), 0 mis à jour, 0 ligne refusée.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('lists devices, opens one, sends a command and asks before retiring it', async () => {
    await page.goto('/technicien/appareils');
    await checkPage(page, 'technicien-appareils', 'Appareils');
    await page.goto(`/technicien/appareils/${deviceId}`);
    await checkPage(page, 'technicien-appareil', /^Appareil /);
    await page.getByRole('button', { name: 'Redémarrer' }).click();
    await page.getByText('Commande envoyée').waitFor();
    await page.getByRole('button', { name: 'Retirer l’appareil…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Retirer', exact: true }).isDisabled()).toBe(true);
    await checkPage(page, 'technicien-retrait', /^Appareil /);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [device] = await stack.dataSource.query('SELECT state FROM devices WHERE id = $1', [deviceId]);
    expect(device.state).not.toBe('retiring');
  });

  it('adds an app, builds a profile with it, assigns it to the pack and shows each device’s push status', async () => {
    await page.goto('/technicien/applications');
    await checkPage(page, 'technicien-applications', 'Catalogue d’applications');
    await page.getByLabel('Nom', { exact: true }).fill('Book Creator');
    await page.getByLabel('Identifiant').fill('com.bookcreator.bookcreator');
    await page.getByLabel('Catégorie').selectOption('book_creator');
    await page.getByRole('button', { name: 'Ajouter au catalogue' }).click();
    await page.getByRole('cell', { name: 'Book Creator' }).waitFor();
    await nav('Profils');
    await checkPage(page, 'technicien-profils', 'Profils');
    await page.getByLabel('Nom', { exact: true }).fill('Base CP');
    await page.getByLabel('Book Creator').check();
    await page.getByRole('button', { name: 'Créer le profil (version 1)' }).click();
    await page.getByRole('link', { name: 'Base CP' }).click();
    await checkPage(page, 'technicien-profil', 'Profil Base CP');
    await page.getByLabel('Destination').selectOption({ label: `Pack : ${pack.name}` });
    await page.getByRole('button', { name: 'Affecter le profil' }).click();
    await page.getByText('Profil affecté').waitFor();
    await page.getByRole('table', { name: '3 appareils' }).waitFor({ timeout: 15_000 });
  });

  it('creates a filtering policy, assigns it to the pack and tests a URL against the effective policy', async () => {
    await page.goto('/technicien/filtrage');
    await checkPage(page, 'technicien-filtrage', 'Filtrage');
    await page.getByLabel('Nom', { exact: true }).fill('École élémentaire');
    await page.getByLabel('Domaines interdits').fill('jeux-en-ligne.example');
    await page.getByRole('button', { name: 'Créer la politique' }).click();
    await page.getByText('Politique créée.').waitFor();
    await page.getByLabel('Politique', { exact: true }).selectOption({ label: 'École élémentaire' });
    await page.getByLabel('Destination').selectOption({ label: `Pack : ${pack.name}` });
    await page.getByRole('button', { name: 'Affecter', exact: true }).click();
    await page.getByText('Politique affectée').waitFor();
    await page.getByLabel('Pack', { exact: true }).selectOption({ label: pack.name });
    await page.getByRole('cell', { name: 'jeux-en-ligne.example' }).waitFor();
    await page.getByLabel('Adresse à tester').fill('https://www.jeux-en-ligne.example/partie');
    await page.getByRole('button', { name: 'Tester' }).click();
    await page.getByRole('status').filter({ hasText: 'Bloqué' }).waitFor();
    await checkPage(page, 'technicien-filtrage-test', 'Filtrage');
  });

  it('shows the notifications page', async () => {
    await page.goto('/technicien/notifications');
    await checkPage(page, 'technicien-notifications', 'Notifications');
    expect(errors).toEqual([]);
  });
});
