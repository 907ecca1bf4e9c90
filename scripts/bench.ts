/**
 * `npm run bench`: every speed and size figure of the project in one table, each with its budget.
 * Figures are medians or 95th percentiles measured in one run on this machine, so compare ratios,
 * not absolute times across machines.
 */
import { benchGroupNames } from './bench-group-names.ts';
import { benchPage } from './bench-page.ts';

const rows = [...(await benchGroupNames()), ...(await benchPage())];

/** Enough digits to compare, not more than the measurement holds. */
function formatValue(value: number, unit: string): string {
  if (unit === 'ms') {
    return value.toFixed(value >= 100 ? 0 : 2);
  }

  return value.toFixed(1);
}

const table = [
  ['figure', 'value', 'budget', 'ratio'],
  ...rows.map((row) => [
    row.name,
    `${formatValue(row.value, row.unit)} ${row.unit}`.trim(),
    row.budget ?? '',
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
  ]),
];
const widths =
  table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
for (const [index, row] of table.entries()) {
  console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`);
  if (index === 0) {
    console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  }
}
