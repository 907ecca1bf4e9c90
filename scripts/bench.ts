/**
 * `npm run bench`: every speed and size figure of the project in one table, each with its budget.
 * Figures are medians measured in one run on this machine, so compare ratios, not absolute times
 * across machines.
 */
import { benchGroupNames } from './bench-group-names.ts';

const rows = [...(await benchGroupNames())];

const table = [
  ['figure', 'value', 'budget', 'ratio'],
  ...rows.map((row) => [
    row.name,
    `${row.value.toFixed(row.unit === 'ms' ? 2 : 0)} ${row.unit}`,
    row.budget ?? '',
    row.ratio === undefined ? '' : row.ratio.toFixed(1),
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
