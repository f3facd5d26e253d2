// Loading something for a screen, once per set of inputs. Only the answer to the latest load for
// the current inputs is ever shown: an answer that arrives after the inputs changed (受信一覧 →
// 送信一覧), after a newer reload, or after the screen closed is dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Async<T> {
  /** the latest answer for the current inputs; undefined until there is one */
  value: T | undefined;
  /** why the latest load failed, if it did */
  error: unknown;
  /** a load for the current inputs is under way */
  loading: boolean;
  /** loads again for the same inputs, keeping the current value on screen meanwhile */
  reload(): void;
}

interface State<T> {
  /** the inputs this state belongs to */
  deps: readonly unknown[];
  value: T | undefined;
  error: unknown;
  loading: boolean;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** `load` runs when `deps` change (and on reload); `enabled` false skips it and leaves value undefined. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Async<T> {
  const [state, setState] = useState<State<T>>({ deps, value: undefined, error: undefined, loading: enabled });
  const latest = useRef(0);
  const current = useRef({ load, deps, enabled });
  current.current = { load, deps, enabled };

  const run = useCallback((keepValue: boolean) => {
    const { load: start, deps: forDeps, enabled: on } = current.current;
    const call = ++latest.current;
    if (!on) {
      setState({ deps: forDeps, value: undefined, error: undefined, loading: false });
      return;
    }
    setState((previous) => ({
      deps: forDeps,
      value: keepValue && sameDeps(previous.deps, forDeps) ? previous.value : undefined,
      error: undefined,
      loading: true,
    }));
    start().then(
      (value) => {
        if (call === latest.current) setState({ deps: forDeps, value, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (call === latest.current) setState((previous) => ({ ...previous, error, loading: false }));
      },
    );
  }, []);

  useEffect(() => {
    run(false);
    return () => {
      // whatever is still loading answers for inputs (or a screen) that are gone
      latest.current += 1;
    };
  }, [...deps, enabled]);

  const reload = useCallback(() => run(true), [run]);
  // until the effect has started the load for new inputs, the old answer is not theirs
  if (!sameDeps(state.deps, deps)) return { value: undefined, error: undefined, loading: enabled, reload };
  return { value: state.value, error: state.error, loading: state.loading, reload };
}
