import { describe, expect, it } from 'vitest';
import { emptyProgress, markDone } from './progress.ts';
import { emptySetups, forgetTenant, parseSetups, switchTenant } from './setups.ts';

const contoso = { key: 'contoso.onmicrosoft.com', label: 'Contoso' };
const fabrikam = { key: 'fabrikam.onmicrosoft.com', label: 'Fabrikam' };

describe('switchTenant', () => {
  it('lets the first tenant adopt the progress made so far', () => {
    const progress = markDone(emptyProgress(), ['declaree-key'], 1);
    const result = switchTenant(emptySetups(), progress, contoso);
    expect(result).toEqual({ setups: { current: contoso, others: {} }, progress });
  });

  it('puts a setup aside for another tenant, and brings it back', () => {
    const contosoProgress = markDone(emptyProgress(), ['declaree-key'], 1);
    const first = switchTenant({ current: contoso, others: {} }, contosoProgress, fabrikam);
    expect(first?.progress).toEqual(emptyProgress());
    expect(first?.setups.others[contoso.key]?.progress).toEqual(contosoProgress);

    const fabrikamProgress = markDone(emptyProgress(), ['entra-open'], 2);
    const back = switchTenant(first?.setups ?? emptySetups(), fabrikamProgress, contoso);
    expect(back?.progress).toEqual(contosoProgress);
    expect(back?.setups.others[fabrikam.key]?.progress).toEqual(fabrikamProgress);
    expect(back?.setups.others[contoso.key]).toBeUndefined();
  });

  it('changes nothing for the tenant already current', () => {
    expect(
      switchTenant({ current: contoso, others: {} }, emptyProgress(), contoso),
    ).toBeUndefined();
  });
});

describe('forgetTenant', () => {
  it('forgets a waiting setup, or starts the current one afresh', () => {
    const progress = markDone(emptyProgress(), ['declaree-key'], 1);
    const setups = {
      current: contoso,
      others: { [fabrikam.key]: { tenant: fabrikam, progress } },
    };
    expect(forgetTenant(setups, progress, fabrikam.key).setups.others).toEqual({});
    expect(forgetTenant(setups, progress, contoso.key).progress).toEqual(emptyProgress());
  });
});

describe('parseSetups', () => {
  it('starts afresh from a damaged value', () => {
    expect(parseSetups({ current: 42 })).toEqual(emptySetups());
  });
});
