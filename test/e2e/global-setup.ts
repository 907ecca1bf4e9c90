import { buildFixtures } from '../fixtures/build.ts';
import { removeLeftPolicies } from './policy-files.ts';

export default async function setup(): Promise<void> {
  await removeLeftPolicies();
  await buildFixtures();
}
