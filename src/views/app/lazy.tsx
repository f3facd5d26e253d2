// Screens loaded when first opened (route-level code splitting): the first screen downloads only
// what it draws, the rest arrive as separate chunks the service worker precaches, so they still
// open offline. A screen whose chunk is loading shows 読み込み中; one that cannot load (a deploy
// removed the old chunks while the tab stayed open) says so and offers a reload.
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader<P> = () => Promise<ComponentType<P>>;

export interface LazyScreen<P> {
  (props: P): VNode;
  /** starts the download ahead of need (a hover on a menu link, an idle moment) */
  preload(): Promise<ComponentType<P>>;
}

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
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failed) {
      return (
        <div class="alert alert-error" role="alert">
          <p>この画面を読み込めませんでした。ネットワークを確認して、ページを再読み込みしてください。</p>
          <button type="button" onClick={() => location.reload()}>再読み込み</button>
        </div>
      );
    }
    return <p class="loading" role="status">読み込み中…</p>;
  }
  Screen.preload = preload;
  return Screen;
}
