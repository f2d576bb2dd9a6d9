/** Bitbucket's `q=` filtering (the `=` and `~` operators joined by AND) and page/pagelen paging. */
const CLAUSE = /([a-zA-Z_][\w.]*)\s*(=|~|!=)\s*"((?:[^"\\]|\\.)*)"/g;
const DEFAULT_PAGELEN = 10;
const MAX_PAGELEN = 100;

function fieldAt(value: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (current, part) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined),
      value,
    );
}

export function filterByQuery<T>(values: T[], q: string | null): T[] {
  if (!q) return values;
  const clauses = [...q.matchAll(CLAUSE)].map(([, field, op, raw]) => ({ field: field!, op: op!, text: raw!.replace(/\\(.)/g, '$1') }));
  return values.filter((value) =>
    clauses.every(({ field, op, text }) => {
      const actual = String(fieldAt(value, field) ?? '');
      if (op === '~') return actual.toLowerCase().includes(text.toLowerCase());
      return op === '=' ? actual === text : actual !== text;
    }),
  );
}

export function paginate<T>(values: T[], url: URL) {
  const pagelen = Math.min(Math.max(Number(url.searchParams.get('pagelen')) || DEFAULT_PAGELEN, 1), MAX_PAGELEN);
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
  const start = (page - 1) * pagelen;
  const next = new URL(`https://api.bitbucket.org${url.pathname}${url.search}`);
  next.searchParams.set('page', String(page + 1));
  return {
    pagelen,
    page,
    size: values.length,
    values: values.slice(start, start + pagelen),
    ...(start + pagelen < values.length ? { next: next.toString() } : {}),
  };
}
