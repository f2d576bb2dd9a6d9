/**
 * The discovery approach the app avoids, as a yardstick: list every VCS root and every build type the user
 * can see, page by page, and match the repository's clone URLs in the client.
 */
const PAGE = 1_000;

type Root = { id: string; properties?: { property?: Array<{ name: string; value: string }> } };
type BuildType = { id: string; 'vcs-root-entries'?: { 'vcs-root-entry'?: Array<{ 'vcs-root'?: { id: string } }> } };

export async function discoverByListingEverything(serverUrl: string, token: string, cloneUrls: string[]): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`${serverUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const all = async <T>(path: string, fields: string, key: string): Promise<T[]> => {
    const items: T[] = [];
    for (let start = 0; ; start += PAGE) {
      const page = await get(`${path}?locator=${encodeURIComponent(`start:${start},count:${PAGE}`)}&fields=${encodeURIComponent(fields)}`);
      const batch = (page[key] ?? []) as T[];
      items.push(...batch);
      if (batch.length < PAGE) return items;
    }
  };
  const [roots, buildTypes] = await Promise.all([
    all<Root>('/app/rest/vcs-roots', 'vcs-root(id,properties(property(name,value)))', 'vcs-root'),
    all<BuildType>('/app/rest/buildTypes', 'buildType(id,name,projectName,vcs-root-entries(vcs-root-entry(vcs-root(id))))', 'buildType'),
  ]);
  const wanted = new Set(cloneUrls.map((u) => u.toLowerCase()));
  const matching = new Set(
    roots.filter((r) => r.properties?.property?.some((p) => p.name === 'url' && wanted.has(p.value.toLowerCase()))).map((r) => r.id),
  );
  return buildTypes
    .filter((b) => b['vcs-root-entries']?.['vcs-root-entry']?.some((e) => e['vcs-root'] && matching.has(e['vcs-root'].id)))
    .map((b) => b.id);
}
