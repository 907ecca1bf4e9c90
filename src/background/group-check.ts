/**
 * The duplicate-name check over everything a tab's frames listed: the groups assigned, the
 * picker's search results, the Groups list, and the groups that already exist in Declaree.
 * Pure: the worker passes the frames' reports and Declaree's names in.
 */
import { collisionsAgainst, findCollisions, type GroupEntry } from '../checks/group-names.ts';
import type { FrameReport, GroupCheck } from '../shared/messages.ts';

type Listed = { frameId: number; groups: NonNullable<FrameReport['groups']> };

/**
 * One entry per group. Within a list, rows are told apart by their position. Across lists the
 * same written name with no contradicting detail is taken as the same group (a group found by a
 * search that is also assigned), so that only names that really differ, or groups a list shows
 * twice, are reported.
 */
function entriesOf(listed: readonly Listed[]): GroupEntry[] {
  const entries: GroupEntry[] = [];
  const byName = new Map<string, GroupEntry[]>();
  for (const { frameId, groups } of listed) {
    for (const row of groups.entries) {
      const own = `${frameId}:${row.position ?? `${row.name}\u0000${row.detail ?? ''}`}`;
      const earlier = (byName.get(row.name) ?? []).find(
        (entry) =>
          !entry.id?.startsWith(`${frameId}:`) &&
          (!entry.detail || !row.detail || entry.detail === row.detail),
      );
      const entry: GroupEntry = {
        name: row.name,
        id: earlier?.id ?? own,
        ...(row.detail ? { detail: row.detail } : {}),
        source: groups.context,
      };
      entries.push(entry);
      byName.set(row.name, [...(byName.get(row.name) ?? []), entry]);
    }
  }

  return entries;
}

function shown(groups: readonly GroupEntry[]): Array<{ name: string; detail?: string }> {
  return groups.map((group) => ({
    name: group.name,
    ...(group.detail ? { detail: group.detail } : {}),
  }));
}

export function checkGroups(
  reports: ReadonlyArray<{ frameId: number; report: FrameReport }>,
  declaree: { names: readonly string[] } | { problem: GroupCheck['declareeProblem'] } | undefined,
): GroupCheck | undefined {
  const listed = reports.flatMap(({ frameId, report }) =>
    report.groups ? [{ frameId, groups: report.groups }] : [],
  );
  if (listed.length === 0) {
    return undefined;
  }

  const entries = entriesOf(listed);
  const collisions: GroupCheck['collisions'] = findCollisions(entries).map((collision) => ({
    kind: collision.kind,
    groups: shown(collision.groups),
  }));

  if (declaree && 'names' in declaree) {
    const existing = declaree.names.map((name, index) => ({
      name,
      id: `declaree:${index}`,
      source: 'declaree',
    }));
    const entraNames = new Set(entries.map((entry) => entry.name));
    for (const collision of collisionsAgainst(entries, existing)) {
      // A Declaree group written exactly like the Entra group is that group, provisioned before.
      const differing = collision.groups.filter(
        (group) => group.source === 'declaree' && !entraNames.has(group.name),
      );
      if (differing.length > 0 && collision.kind === 'same-name') {
        collisions.push({ kind: 'declaree', groups: shown(collision.groups) });
      }
    }
  }

  const total = listed.find(({ groups }) => groups.context === 'assigned')?.groups.total;
  const problem = declaree && 'problem' in declaree ? declaree.problem : undefined;
  return {
    checked: new Set(entries.map((entry) => entry.id)).size,
    ...(total !== undefined ? { total } : {}),
    collisions: collisions.slice(0, 200),
    ...(problem ? { declareeProblem: problem } : {}),
  };
}
