import axe from 'axe-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../../tools/console-build';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it); never a downloaded browser. */
export const CHROMIUM = process.env.SOCLE_CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of every main page, each run (git-ignored); docs/screenshots/ holds the few the README shows. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--lang=fr-FR',
];

/**
 * One Chromium per test file, headless, with a fresh profile (playwright-core's launch makes a new
 * temporary user-data-dir each time). The console is built first when its build is missing or stale.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  ensureConsoleBuilt(() => undefined);
  mkdirSync(ARTIFACTS, { recursive: true });
  // LANGUAGE and LANG: Chromium's own words and formats (file picker, date inputs) in French, as in a French school.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  });
}

/** A French desk (or a teacher's phone) in Paris; every page error fails the test through `errors`. */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  options: { phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    // A phone-sized window; Chromium's mobile emulation (isMobile) is left off: it widens the layout
    // viewport to a table's scroll width, which no real phone browser does.
    reducedMotion: 'reduce',
    acceptDownloads: true,
    // Lets axe-core be injected: the console's CSP (no inline script) stays on for everyone else.
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it stands: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: axe.source });
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  )) as { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/** Waits for the page's heading, checks it with axe, and keeps a screenshot of it. */
export async function checkPage(page: Page, name: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction('!document.body.innerText.includes("Chargement…")');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}
