// Samples for checking a hand-written check against the zod schema it stands for
// (src/domain/answers.ts): values built from the schema's definition, good ones and every path of
// them replaced by values of the wrong kind. The tests do not decide which samples are good: zod does,
// and the hand-written check must agree on each one and return what zod returns.
import type { z } from 'zod/mini';

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  entries?: Record<string, string>;
  values?: unknown[];
};
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Stands for a key left out of its object. */
const ABSENT = Symbol('absent');

/** A few values the schema accepts, of each kind it allows (a missing optional key is ABSENT). */
function variants(schema: z.ZodMiniType): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return ['あいう', ''];
    case 'number':
      return [3, 0];
    case 'boolean':
      return [true, false];
    case 'enum':
      return Object.values(def.entries ?? {});
    case 'literal':
      return def.values ?? [];
    case 'nullable':
      return [...variants(def.innerType!), null];
    case 'optional':
      return [...variants(def.innerType!), ABSENT];
    case 'array':
      return [[pick(def.element!, 0), pick(def.element!, 1)], []];
    case 'object':
      return [0, 1, 2].map((i) => objectSample(def.shape!, i));
    default:
      throw new Error(`schema-samples: no samples for ${def.type}`);
  }
}

const pick = (schema: z.ZodMiniType, i: number) => {
  const all = variants(schema);
  return all[i % all.length];
};

function objectSample(shape: Record<string, z.ZodMiniType>, i: number): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const value = pick(field, i);
    if (value !== ABSENT) sample[key] = value;
  }
  return sample;
}

/** Values of every kind JSON can carry, and numbers at zod's limits. */
const WRONG = [null, 0, -1, 1.5, 2 ** 53, Number.NaN, '', 'x', '未', true, false, [], {}, ['x']];

type Path = (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...paths(v, [...at, i])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]);
  return [];
}

/** A copy of `value` with what is at `path` replaced (ABSENT: removed). */
function replaced(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const inner = replaced(copy[head], rest, next);
  if (inner === ABSENT) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/** Objects get a key of their own too: zod drops it, and so must the check. */
function withExtraKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtraKeys);
  if (typeof value !== 'object' || value === null) return value;
  return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExtraKeys(v)])), extra: 'x' };
}

export interface Sample {
  label: string;
  value: unknown;
}

/** The good samples, each with extra keys, and each path of them set to every wrong value or left out. */
export function samplesOf(schema: z.ZodMiniType): Sample[] {
  const good = variants(schema);
  const samples: Sample[] = [
    ...good.map((value, i) => ({ label: `good #${i}`, value })),
    ...good.map((value, i) => ({ label: `good #${i} with extra keys`, value: withExtraKeys(value) })),
    ...[undefined, ...WRONG].map((value) => ({ label: `the whole answer ${JSON.stringify(value)}`, value })),
  ];
  good.forEach((base, i) => {
    for (const path of paths(base)) {
      for (const wrong of [ABSENT, ...WRONG]) {
        const shown = wrong === ABSENT ? 'left out' : JSON.stringify(wrong);
        samples.push({ label: `good #${i}, ${path.join('.')} ${shown}`, value: replaced(base, path, wrong) });
      }
    }
  });
  return samples;
}
