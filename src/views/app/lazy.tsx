// Screens loaded when first opened (route-level code splitting): the first screen downloads only
// what it draws, the rest arrive as separate chunks the service worker precaches, so they still
// open offline. A screen whose chunk is loading shows 読み込み中; one that cannot load says why
// — offline before the app was kept on this device, or a deploy removed the old chunks while the
// tab stayed open — offers もう一度 and 再読み込み, and tries again by itself once back online.
import { useSignalEffect } from '@preact/signals';
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { retryLoad, type RetryEnv } from './chunk-retry';
import { online } from './online';
import { saveAllUnsavedWork } from './unsaved';

type Loader<P> = () => Promise<ComponentType<P>>;

export interface LazyScreen<P> {
  (props: P): VNode;
  /** starts the download ahead of need (a hover on a menu link, an idle moment) */
  preload(): Promise<ComponentType<P>>;
}

const retryEnv: RetryEnv = {
  online: () => online.peek(),
  reload: () => void saveAllUnsavedWork().then(() => location.reload(), () => undefined),
};

export function lazyScreen<P extends object>(load: Loader<P>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // the next visit tries again
        throw error;
      },
    );
    return pending;
  };

  function Screen(props: P): VNode {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState<null | 'offline' | 'online'>(null);
    const [retrying, setRetrying] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(online.peek() ? 'online' : 'offline'),
      );
      return () => {
        live = false;
      };
    }, []);

    async function retry() {
      setRetrying(true);
      const ok = await retryLoad(preload, retryEnv);
      setRetrying(false);
      if (ok) setReady((n) => n + 1);
    }
    // back online after failing offline: try again without being asked
    useSignalEffect(() => {
      if (online.value && failed === 'offline' && !loaded) void retry();
    });

    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failed && !retrying) {
      const offline = failed === 'offline' && !online.value;
      return (
        <div class={`alert ${offline ? 'alert-warning' : 'alert-error'}`} role="alert">
          {offline ? (
            <p>オフラインのため、この画面はまだ開けません(この端末にまだ保存されていません)。ネットワークにつながると自動で開きます。</p>
          ) : (
            <p>この画面を読み込めませんでした。ネットワークを確認して、もう一度お試しください。</p>
          )}
          <div class="actions">
            <button type="button" disabled={retrying} onClick={() => void retry()}>もう一度</button>
            <button type="button" onClick={() => retryEnv.reload()}>再読み込み</button>
          </div>
        </div>
      );
    }
    return <p class="loading" role="status">読み込み中…</p>;
  }
  Screen.preload = preload;
  return Screen;
}
