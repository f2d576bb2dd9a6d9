import type { BuildConfigurationView } from '../../../src/shared/schemas';
import { filterConfigurations } from './filter-configurations';

const config = (id: string, name: string, projectName: string): BuildConfigurationView => ({
  id,
  name,
  projectId: projectName.replace(/\W/g, ''),
  projectName,
  webUrl: `https://tc.example/viewType.html?buildTypeId=${id}`,
  paused: false,
});

const all = [
  config('Web_Build', 'Build', 'Acme :: Webapp'),
  config('Web_Tests', 'Unit Tests', 'Acme :: Webapp'),
  config('Rel', 'Release to Production', 'Acme Release'),
];

describe('filterConfigurations', () => {
  it('keeps everything for an empty search', () => {
    expect(filterConfigurations(all, '  ')).toBe(all);
  });

  it('matches words in any order across project and configuration names, ignoring case', () => {
    expect(filterConfigurations(all, 'webapp TESTS').map((c) => c.id)).toEqual(['Web_Tests']);
    expect(filterConfigurations(all, 'release').map((c) => c.id)).toEqual(['Rel']);
    expect(filterConfigurations(all, 'acme').map((c) => c.id)).toEqual(['Web_Build', 'Web_Tests', 'Rel']);
  });

  it('finds nothing when one word matches nothing', () => {
    expect(filterConfigurations(all, 'build zzz')).toEqual([]);
  });
});
