import { buildFixtures } from '../fixtures/build.ts';

export default async function setup(): Promise<void> {
  await buildFixtures();
}
