// Benchmark of the group-name duplicate check on made-up but realistic tenants: department and
// team names per site, a few exact duplicates, case and white-space variants, the same group seen
// twice, Cyrillic look-alikes and names in other scripts.
//
// Run alone with `npx tsx scripts/bench-group-names.ts`, or import benchGroupNames().
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { findCollisions, type GroupEntry } from '../src/checks/group-names.ts';

export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  budget?: string;
  /** On the 100,000 row: its time divided by the 10,000 time, which should grow about tenfold. */
  ratio?: number;
};

const departments = [
  'Finance',
  'Sales',
  'Marketing',
  'Human Resources',
  'IT Support',
  'Engineering',
  'Legal',
  'Procurement',
  'Operations',
  'Customer Success',
  'Research & Development',
  'Facilities',
  'Accounting',
  'Payroll',
  'Logistics',
  'Travel Expenses',
  'Board',
  'Data Platform',
];
const accentedDepartments = [
  'Comptabilité',
  'Försäljning',
  'Straße und Verkehr',
  'Contabilidad Málaga',
  'Ressources humaines',
];
const otherScriptDepartments = ['Отдел продаж', 'Бухгалтерия', 'Λογιστήριο', '財務部', '営業部'];

const sites = ['Amsterdam', 'Berlin', 'Paris', 'London', 'Utrecht', 'Madrid', 'New York', 'Dublin'];
const accentedSites = ['München', 'Zürich', 'Kraków', 'São Paulo', 'İstanbul', 'Malmö'];

/**
 * 'typical' draws most names from plain English words, as most tenants do: a quarter of the
 * names hold a character beyond ASCII, one in thirty Greek or Cyrillic. 'stress' draws far more
 * accented and other-script words, so that three names in five go through the Unicode steps.
 */
export type NameMix = 'typical' | 'stress';

type NamePattern = (department: string, site: string, number: number) => string;

const patterns: NamePattern[] = [
  (department, site, number) => `${department} ${site} ${number}`,
  (department, site, number) => `SG-${department}-${site}-${number}`,
  (department, _site, number) => `${department} - Team ${number}`,
  (department, site, number) => `grp_${site}_${department}_${number}`,
  (department, site, number) => `${department} (${site}) ${number}`,
];

/** A small linear congruential generator, so every run measures the same names. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

function pick<Item>(items: readonly Item[], random: () => number): Item {
  return items[Math.floor(random() * items.length)] as Item;
}

function objectId(number: number): string {
  const hex = number.toString(16).padStart(12, '0');
  return `6f1c2a3b-0000-4000-8000-${hex}`;
}

/** Swaps one Latin "a", "e" or "o" for its Cyrillic twin, as a pasted name sometimes has. */
function withCyrillicLetter(name: string): string {
  return name.replace(/[aeo]/, (letter) => ({ a: 'а', e: 'е', o: 'о' })[letter] ?? letter);
}

function pickDepartment(random: () => number, mix: NameMix): string {
  const roll = mix === 'stress' ? random() * 0.4 + 0.6 : random();
  if (roll < 0.85) {
    return pick(departments, random);
  }
  return roll < 0.95 ? pick(accentedDepartments, random) : pick(otherScriptDepartments, random);
}

function pickSite(random: () => number, mix: NameMix): string {
  const accentedShare = mix === 'stress' ? 0.5 : 0.15;
  return random() < accentedShare ? pick(accentedSites, random) : pick(sites, random);
}

export function makeGroups(count: number, mix: NameMix = 'typical', seed = 42): GroupEntry[] {
  const random = seededRandom(seed);
  const groups: GroupEntry[] = [];
  for (let number = 0; groups.length < count; number += 1) {
    const roll = random();
    const earlier = groups.length > 0 ? pick(groups, random) : undefined;

    // About 1 in 30 is a second group with an earlier name, 1 in 50 a case or space variant,
    // 1 in 50 the same group seen again, 1 in 200 a Cyrillic look-alike; the rest are new.
    if (earlier && roll < 0.033) {
      groups.push({ name: earlier.name, id: objectId(number), source: 'search' });
    } else if (earlier && roll < 0.053) {
      const variant = ` ${earlier.name.toUpperCase().replace(' ', '\u00A0 ')}`;
      groups.push({ name: variant, id: objectId(number), source: 'declaree' });
    } else if (earlier && roll < 0.073) {
      groups.push({ ...earlier, source: 'selected' });
    } else if (earlier && roll < 0.078) {
      groups.push({ name: withCyrillicLetter(earlier.name), id: objectId(number) });
    } else {
      const pattern = pick(patterns, random);
      const name = pattern(pickDepartment(random, mix), pickSite(random, mix), number);
      groups.push({ name, id: objectId(number), detail: `group ${number}`, source: 'assigned' });
    }
  }
  return groups;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

type BenchCase = { groups: GroupEntry[]; callsPerRound: number; timings: number[] };

function benchCase(groups: GroupEntry[], callsPerRound: number): BenchCase {
  return { groups, callsPerRound, timings: [] };
}

/**
 * Times every case in turns, a few calls each per round, rather than one case after another:
 * the build machines are shared, and a burst of load from elsewhere then falls on all sizes
 * alike instead of skewing the 100,000 / 10,000 ratio.
 */
function timeInRounds(cases: readonly BenchCase[], rounds: number): void {
  // Warm-up lets the JIT compile the hot loops before anything is timed.
  for (const item of cases) {
    for (let call = 0; call < item.callsPerRound * 2; call += 1) {
      findCollisions(item.groups);
    }
  }

  for (let round = 0; round < rounds; round += 1) {
    for (const item of cases) {
      for (let call = 0; call < item.callsPerRound; call += 1) {
        const start = performance.now();
        findCollisions(item.groups);
        item.timings.push(performance.now() - start);
      }
    }
  }
}

export async function benchGroupNames(): Promise<BenchResult[]> {
  const thousand = benchCase(makeGroups(1_000), 10);
  const tenThousand = benchCase(makeGroups(10_000), 3);
  const hundredThousand = benchCase(makeGroups(100_000), 1);
  const stress = benchCase(makeGroups(10_000, 'stress'), 3);
  timeInRounds([thousand, tenThousand, hundredThousand, stress], 21);

  const tenThousandMedian = median(tenThousand.timings);
  const hundredThousandMedian = median(hundredThousand.timings);
  return [
    { name: 'findCollisions, 1,000 names (median)', value: median(thousand.timings), unit: 'ms' },
    {
      name: 'findCollisions, 10,000 names (median)',
      value: tenThousandMedian,
      unit: 'ms',
      budget: '10,000 < 5 ms',
    },
    {
      name: 'findCollisions, 100,000 names (median)',
      value: hundredThousandMedian,
      unit: 'ms',
      budget: 'ratio < 12',
      ratio: hundredThousandMedian / tenThousandMedian,
    },
    {
      name: 'findCollisions, 10,000 names, most non-ASCII',
      value: median(stress.timings),
      unit: 'ms',
    },
  ];
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

async function printTable(): Promise<void> {
  const results = await benchGroupNames();
  for (const result of results) {
    const value = result.value.toFixed(2).padStart(8);
    const ratio = result.ratio === undefined ? '' : `  ratio ${result.ratio.toFixed(2)}`;
    const budget = result.budget === undefined ? '' : `  (budget ${result.budget})`;
    console.log(`${result.name.padEnd(45)} ${value} ${result.unit}${ratio}${budget}`);
  }
}

// No top-level await: a runner that loads this file as CommonJS can still import it.
if (runDirectly) {
  void printTable();
}
