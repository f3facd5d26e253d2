// What the whole app has to say, above every screen (login included): a connection that is not
// HTTPS, a new version waiting for 更新.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { insecureContext } from './insecure-context';
import { UpdateBanner } from './UpdateBanner';

export function AppNotices() {
  return (
    <>
      <UpdateBanner />
      {insecureContext && <InsecureContextSlot />}
    </>
  );
}

let insecureNotice: ComponentType | null = null;

/**
 * Only a device that opened the app over plain http:// (no service worker there: every file
 * comes from the server) downloads the notice's words; everyone else never does.
 */
function InsecureContextSlot() {
  const [Notice, setNotice] = useState<ComponentType | null>(() => insecureNotice);
  useEffect(() => {
    if (Notice) return;
    import('./InsecureContextNotice').then(
      (loaded) => setNotice(() => (insecureNotice = loaded.InsecureContextNotice)),
      (error: unknown) => console.error(error),
    );
  }, []);
  return Notice ? <Notice /> : null;
}
