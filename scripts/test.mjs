// Runs every check and test suite, then prints one line of totals over all suites for CI:
// "N passed, N failed". Order: types, lint, build of dist/, unit tests, end-to-end tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const extraArguments = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`✗ ${label} failed`);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('Type check', npx, ['tsc', '--noEmit']);
check('Lint and format', npx, ['biome', 'check', '.']);
const built = run('Build the extension into dist/', npx, ['vite', 'build', '--logLevel', 'warn']);
if (!built) {
  failed += 1;
}

const reportDirectory = mkdtempSync(path.join(tmpdir(), 'declaree-assistant-tests-'));
const reportFile = path.join(reportDirectory, 'vitest.json');
const projects = built ? [] : ['--project', 'unit'];
run('Unit and end-to-end tests', npx, [
  'vitest',
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...extraArguments,
]);

try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no tests to count; it still counts as a failure.
  failed += report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
} catch {
  console.log('✗ The test runner wrote no report.');
  failed += 1;
}
rmSync(reportDirectory, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
