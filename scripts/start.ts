/**
 * The built-in demo: Chromium with the built extension and the replicas of Declaree and the Entra
 * admin center served at their real host names, in a throw-away profile.
 *
 *   npm start                      a browser window on the demo, to walk the journey by hand
 *   npm start -- --headless        walks the main journey alone and saves a screenshot per step
 *   --generation classic|new       which Entra provisioning UI to show (default: new)
 *   --language en|de               Entra's language (default: en)
 *   --instance com|de              the Declaree instance the key comes from (default: com)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { repositoryRoot } from '../test/e2e/browser.ts';
import {
  fillButtonName,
  guidePanel,
  openPopup,
  type Session,
  startSession,
} from '../test/e2e/extension.ts';
import {
  generateKeyOnDeclaree,
  openCredentialsForm,
  pressFill,
  testConnection,
} from '../test/e2e/journey.ts';
import { declareeAccountUrl } from '../test/fixtures/declaree/site.ts';
import { entraApplicationUrl } from '../test/fixtures/entra/site.ts';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    generation: { type: 'string', default: 'new' },
    language: { type: 'string', default: 'en' },
    instance: { type: 'string', default: 'com' },
  },
});

const generation = values.generation === 'classic' ? 'classic' : 'new';
const language = values.language === 'de' ? 'de' : 'en';
const instance = values.instance === 'de' ? 'de' : 'com';

async function walk(session: Session): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = path.join(repositoryRoot, 'demo-screenshots', stamp);
  await mkdir(folder, { recursive: true });
  let count = 0;
  const shoot = async (page: Page, name: string) => {
    count += 1;
    const file = path.join(folder, `${String(count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${path.basename(file)}`);
  };

  console.log('Walking the main journey:');
  const declaree = await session.newPage();
  await declaree.goto(declareeAccountUrl(instance));
  await guidePanel(declaree).waitFor();
  await shoot(declaree, 'declaree-api-tab');
  await generateKeyOnDeclaree(declaree, instance);
  await shoot(declaree, 'declaree-key-held');

  const entra = await session.newPage();
  await entra.goto(entraApplicationUrl('Provisioning'));
  await guidePanel(entra).waitFor();
  await shoot(entra, 'entra-provisioning');
  const form = await openCredentialsForm(entra, generation, language);
  await guidePanel(entra).getByRole('button', { name: fillButtonName }).waitFor();
  await shoot(entra, 'entra-form-fill-offered');
  await pressFill(entra);
  await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
  await shoot(entra, 'entra-filled');
  const verdict = await testConnection(entra, form);
  await shoot(entra, 'entra-test-connection');

  const popup = await openPopup(session);
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.getByText(/ending in|No Declaree key/).waitFor();
  await shoot(popup, 'popup');

  console.log(`\nTest Connection said: ${verdict.replace(/\s+/g, ' ').trim()}`);
  console.log(`Screenshots are in ${folder}`);
}

async function main(): Promise<void> {
  const headless = values.headless || (!process.env.DISPLAY && process.platform === 'linux');
  if (headless && !values.headless) {
    console.log('No display found: walking the journey headless instead (--headless).');
  }

  const session = await startSession({ entra: { generation, language } }, { headless });
  try {
    if (headless) {
      await walk(session);
      return;
    }

    const declaree = await session.newPage();
    await declaree.goto(declareeAccountUrl(instance));
    const entra = await session.newPage();
    await entra.goto(entraApplicationUrl('Provisioning'));
    await declaree.bringToFront();
    for (const page of session.context.pages()) {
      if (page !== declaree && page !== entra) {
        await page.close();
      }
    }

    console.log('The demo is open: Declaree in the first tab, Entra in the second.');
    console.log('Press Generate Key on Declaree, then open the provisioning form in Entra.');
    console.log('Close the browser window to end the demo.');
    await new Promise((resolve) => session.context.on('close', resolve));
  } finally {
    await session.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
