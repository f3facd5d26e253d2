// What the whole app has to say, above every screen (login included): a connection that is not
// HTTPS, a new version waiting for 更新.
import { InsecureContextNotice } from './InsecureContextNotice';
import { UpdateBanner } from './UpdateBanner';

export function AppNotices() {
  return (
    <>
      <UpdateBanner />
      <InsecureContextNotice />
    </>
  );
}
