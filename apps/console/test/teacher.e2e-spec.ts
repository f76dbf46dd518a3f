import { INestApplicationContext } from '@nestjs/common';
import { Browser, Page } from 'playwright-core';
import { SimulatedDevice } from '@socle/agent';
import { createSchool, createTenant, expectCreated, Tenant } from '../../../test/support/factories';
import { startStack, TestStack } from '../../../test/support/test-stack';
import { createClassroom, enrollPack } from '../../../test/support/factories';
import { dayAt } from '../../../test/support/eventually';
import { suitePrefix } from '../../../test/support/redis-keys';
import { startWorker } from '../../../test/support/worker-context';
import { parisInputValues } from '../src/lib/format';
import { checkPage, launchBrowser, logIn, openConsole } from './support/console-browser';
import { person, PASSWORD } from './support/console-people';

const paris = parisInputValues;

/**
 * A teacher on a phone: books the pack (an overlap is explained first), runs the lesson against
 * four simulated tablets, sees the grid turn locked as each tablet acknowledges, ends it, and reads
 * which tablet is not back in the cart. And a teacher cannot open a technician's page.
 */
describe('Console, teacher: book and run a lesson with the live grid', () => {
  const overrides = { redisPrefix: suitePrefix('console-teacher'), reconcileIntervalSeconds: 3600 };
  let stack: TestStack;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let town: Tenant;
  let teacher: { email: string; api: import('../../../test/support/api-client').ApiClient };
  let devices: SimulatedDevice[];
  const checkInAll = () => Promise.all(devices.map((device) => device.checkIn()));

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(overrides), launchBrowser()]);
    worker = await startWorker(overrides);
    town = await createTenant(stack);
    const school = await createSchool(town.technician);
    await createClassroom(town.technician, school.id, 'CM1 A');
    teacher = await person(stack, town, 'teacher', [school.id]);
    const colleague = await person(stack, town, 'teacher', [school.id]);
    const enrolled = await enrollPack(stack, town.technician, school.id, 4, 10);
    devices = enrolled.devices;
    const cart = expectCreated(
      await town.technician.post('/api/v1/carts', {
        schoolId: school.id,
        label: 'Chariot bleu',
        slotCount: 10,
        location: 'Salle 4',
      }),
      'cart',
    );
    await town.technician.put(`/api/v1/carts/${cart.id}/pack`, { packId: enrolled.pack.id });
    await town.technician.post(`/api/v1/carts/${cart.id}/slots/auto-assign`, {});
    const [room] = (await colleague.api.get(`/api/v1/schools/${school.id}/classrooms`)).body.items;
    // A colleague's booking tomorrow, 9:00–10:00 UTC: the teacher's overlapping choice is explained before sending.
    expectCreated(
      await colleague.api.post('/api/v1/sessions', {
        packId: enrolled.pack.id,
        classroomId: room.id,
        startsAt: dayAt(1, 9).toISOString(),
        endsAt: dayAt(1, 10).toISOString(),
      }),
      'colleague session',
    );
    ({ page, errors } = await openConsole(browser, stack.apiUrl, { phone: true }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    devices?.forEach((device) => device.stop());
    await worker?.close();
    await stack?.close();
  });

  it('logs in and lands on "Mes créneaux"', async () => {
    await logIn(page, teacher.email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/enseignant');
    await checkPage(page, 'enseignant-mes-creneaux', 'Mes créneaux');
    await expect(page.getByText('Aucune séance à venir').isVisible()).resolves.toBe(true);
  });

  it('shows the pack’s week and explains an overlap with a colleague’s booking instead of sending it', async () => {
    await page.getByRole('link', { name: 'Réserver un pack' }).first().click();
    await checkPage(page, 'enseignant-reserver', 'Réserver un pack');
    const from = paris(new Date(dayAt(1, 9).getTime() + 30 * 60_000));
    const to = paris(new Date(dayAt(1, 10).getTime() + 30 * 60_000));
    await page.getByLabel('Date').fill(from.date);
    await page.getByLabel('Début').fill(from.time);
    await page.getByLabel('Fin', { exact: true }).fill(to.time);
    await page.getByLabel('Classe', { exact: true }).selectOption({ label: 'CM1 A (CM1)' });
    const overlap = page.getByTestId('overlap');
    await overlap.waitFor();
    expect(await overlap.textContent()).toMatch(
      /chevauche une réservation d’un·e collègue : le .+ 10:00–11:00 \(CM1 A\)/,
    );
    await expect(page.getByRole('button', { name: 'Réserver', exact: true }).isDisabled()).resolves.toBe(true);
    await checkPage(page, 'enseignant-chevauchement', 'Réserver un pack');
  });

  it('books now, and the session starts on its own', async () => {
    await page.getByRole('button', { name: 'Commencer maintenant' }).click();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    await page.waitForURL(/\/enseignant\/seances\//);
    await page.getByTestId('session-status').filter({ hasText: 'En cours' }).waitFor({ timeout: 30_000 });
    await checkInAll();
    await page.getByTestId('grid-tile').nth(3).waitFor();
    expect(await page.getByTestId('grid-tile').count()).toBe(4);
  });

  it('locks every screen, and the grid turns locked as each tablet acknowledges, without reloading', async () => {
    await page.evaluate('window.__noReload = true');
    await page.getByRole('button', { name: /Les yeux vers moi/ }).click();
    await page.getByText('Verrouillage en attente').first().waitFor();
    await expect(page.getByTestId('live-summary').textContent()).resolves.toBe('0 écran verrouillé sur 4 appareils');
    await devices[0].checkIn();
    await page.getByTestId('live-summary').filter({ hasText: '1 écran verrouillé sur 4 appareils' }).waitFor();
    await Promise.all(devices.slice(1).map((device) => device.checkIn()));
    await page.getByTestId('live-summary').filter({ hasText: '4 écrans verrouillés sur 4 appareils' }).waitFor();
    expect(await page.locator('[data-testid=grid-tile][data-locked=true]').count()).toBe(4);
    expect(await page.getByText('Verrouillage confirmé').count()).toBe(4);
    expect(await page.evaluate('window.__noReload')).toBe(true);
    await checkPage(page, 'enseignant-seance-verrouillee', /séance du/);
  });

  it('unlocks, ends the lesson, and lists the tablet that is not back in the cart', async () => {
    await page.getByRole('button', { name: 'Déverrouiller les écrans' }).click();
    await checkInAll();
    await page.getByTestId('live-summary').filter({ hasText: '0 écran verrouillé sur 4 appareils' }).waitFor();
    devices.slice(0, 3).forEach((device) => (device.docked = true));
    await checkInAll();
    await page.getByRole('button', { name: 'Terminer la séance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminer la séance maintenant ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Terminer', exact: true }).click();
    await page.getByTestId('session-status').filter({ hasText: 'Terminée' }).waitFor();
    const list = page.getByTestId('not-returned');
    await list.waitFor();
    expect(await list.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^tablette \d+ : pas dans le chariot$/),
    ]);
    await checkPage(page, 'enseignant-fin-de-seance', /séance du/);
    expect(errors).toEqual([]);
  });

  it('refuses a technician page to a teacher, and the API refuses its data', async () => {
    await page.goto('/technicien/import');
    await checkPage(page, 'enseignant-page-reservee', 'Page réservée');
    await expect(page.getByText('Cette page est réservée aux techniciens').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Fichier CSV', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import fournisseur' }).count()).toBe(0);
    expect((await teacher.api.get('/api/v1/devices')).status).toBe(403);
  });
});
