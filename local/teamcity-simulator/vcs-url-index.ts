import type { SimVcsRoot } from './entities';
import { type PropertyCondition, matchesCondition } from './value-condition';

/**
 * VCS roots by their url property, keyed case-insensitively, so "which build types use this repository"
 * is a map lookup for equals conditions and a scan of distinct URLs (not of build types) otherwise.
 */
export class VcsUrlIndex {
  private readonly byLowerUrl = new Map<string, Set<SimVcsRoot>>();

  add(root: SimVcsRoot): void {
    const key = root.url.toLowerCase();
    const set = this.byLowerUrl.get(key) ?? new Set<SimVcsRoot>();
    set.add(root);
    this.byLowerUrl.set(key, set);
  }

  remove(root: SimVcsRoot): void {
    const key = root.url.toLowerCase();
    const set = this.byLowerUrl.get(key);
    set?.delete(root);
    if (set?.size === 0) this.byLowerUrl.delete(key);
  }

  /** Roots whose url satisfies the condition (the condition's name must be 'url'). */
  find(cond: PropertyCondition): SimVcsRoot[] {
    if (cond.matchType === 'equals' && cond.value !== undefined) {
      const candidates = this.byLowerUrl.get(cond.value.toLowerCase());
      if (!candidates) return [];
      return [...candidates].filter((r) => matchesCondition(cond, r.url));
    }
    const found: SimVcsRoot[] = [];
    for (const roots of this.byLowerUrl.values()) {
      for (const r of roots) if (matchesCondition(cond, r.url)) found.push(r);
    }
    return found;
  }
}
