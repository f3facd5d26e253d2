// What 予定 ⇄ 実績 keeps on this device, for whom, for how long, and the way to delete it.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { deleteUsage, KEEP_MONTHS, usageSummary } from '../../db/usage';
import { monthLabel } from '../../domain/reconcile';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';
import { useAsync } from '../common/use-async';
import { to } from '../app/routes';
import { sessionOwner } from './keep';

type Asking = { month: string | undefined } | null;

/** `shown`: the records on screen; the summary follows them when they are loaded again. */
export function KeptDataPanel({ month, shown, onDeleted }: { month: string; shown: unknown; onDeleted: () => void }) {
  const owner = sessionOwner();
  const [version, setVersion] = useState(0);
  // after the records on screen: the page's own read comes first
  const summary = useAsync(async () => (owner ? usageSummary(owner) : null), [owner?.userId, owner?.office, version, shown], shown !== undefined);
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<string | null>(null);
  const s = summary.value;

  async function remove(which: string | undefined) {
    setAsking(null);
    setError(null);
    try {
      if (owner) await deleteUsage(owner, which);
      setVersion((v) => v + 1);
      onDeleted();
    } catch (e) {
      console.error(e);
      setError('削除できませんでした。もう一度お試しください');
    }
  }

  return (
    <section class="kept-data no-print" aria-labelledby="kept-data-title">
      <h2 id="kept-data-title">この端末に保存している予定・実績</h2>
      <p>
        比較のため、送信した予定と、ダウンロード・プレビューした実績(サービス事業所では受け取った予定と送った実績)を、
        利用者ごとのサービスの行(日・時間・回数・サービスコード・単位数など)としてこの端末に保存しています。
        ファイルそのものは保存しません。保存したデータは、ログインしている人と事業所の組み合わせでだけ表示されます。
      </p>
      <p>
        保存期間は対象年月から{KEEP_MONTHS}か月です(例: {monthLabel('202504')}は2026年4月末まで)。それより古いものは自動で削除します。
      </p>
      {s && (
        <p class="kept-summary">
          {s.files === 0 ? '保存しているデータはありません。' : (
            <>
              利用者 {s.people}人・ファイル {s.files}件(
              {/* each month opens its check: the screen starts at last month, the data may be another's */}
              {s.months.map((m, i) => (
                <Fragment key={m}>
                  {i > 0 && '、'}
                  {m === month ? monthLabel(m) : <a href={to.monthly(m)}>{monthLabel(m)}</a>}
                </Fragment>
              ))}
              )
            </>
          )}
        </p>
      )}
      <ErrorList errors={error ? [error] : []} />
      {s && s.files > 0 && (
        <div class="actions">
          {s.months.includes(month) && <button type="button" class="danger" onClick={() => setAsking({ month })}>{monthLabel(month)}を削除</button>}
          <button type="button" class="danger" onClick={() => setAsking({ month: undefined })}>すべて削除</button>
        </div>
      )}
      {asking && (
        <Dialog title="保存データの削除" onCancel={() => setAsking(null)}>
          <p>
            この端末に保存している{asking.month ? `${monthLabel(asking.month)}の` : 'すべての'}予定・実績を削除します。
            サーバーに残っているファイルは、次に月次チェックを開いたときに取り込み直されます。よろしいですか?
          </p>
          <div class="actions">
            <button type="button" onClick={() => setAsking(null)}>キャンセル</button>
            <button type="button" class="primary" onClick={() => void remove(asking.month)}>削除</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
