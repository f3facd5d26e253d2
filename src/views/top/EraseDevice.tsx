// この端末のデータを消去: for a tablet handed on, or a person leaving the office. The question and
// the erasing load when the button is pressed (./EraseDeviceDialog.tsx; precached, so offline too).
import type { ComponentProps, ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorList } from '../common/Alert';

type DialogProps = ComponentProps<typeof import('./EraseDeviceDialog').EraseDeviceDialog>;

export function EraseDevice() {
  const [asking, setAsking] = useState<{ Dialog: ComponentType<DialogProps>; counts: DialogProps['counts'] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function ask() {
    setFailure(null);
    setDone(false);
    try {
      const { EraseDeviceDialog, countDeviceData } = await import('./EraseDeviceDialog');
      setAsking({ Dialog: EraseDeviceDialog, counts: await countDeviceData() });
    } catch {
      setFailure('この端末のデータを読み込めませんでした');
    }
  }

  return (
    <div class="erase-device">
      <button type="button" class="danger" onClick={() => void ask()}>この端末のデータを消去</button>
      {/* on the login screen this stays on screen: say it is done */}
      {done && <p role="status">この端末のデータを消去しました。</p>}
      {!asking && <ErrorList errors={failure ? [failure] : []} />}
      {asking && (
        <asking.Dialog
          counts={asking.counts}
          onCancel={() => setAsking(null)}
          onErased={() => {
            setAsking(null);
            setDone(true);
          }}
        />
      )}
    </div>
  );
}
