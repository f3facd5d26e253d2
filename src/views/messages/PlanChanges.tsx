// 前回からの変更: for a received 第6表 予定 / 実績, what changed since the earlier file from the
// same office for the same people and month (services added, removed, moved, times changed).
//
// Where the earlier bytes come from: the relay, fetched again when needed, not a copy of the file
// kept in IndexedDB. A local copy would keep care plans (personal data) on a shared tablet after
// they were handled, and would miss files downloaded on another device. (予定 ⇄ 実績 keeps parsed
// rows, owned by person and office, for a comparison that must outlive the relay's copy:
// src/db/usage.ts.) Only files this office has
// already downloaded are compared, so fetching them again marks nothing. The new file is
// compared at once when it was downloaded already; otherwise 「前回との差分を見る」 downloads it
// first (as プレビュー does), because the relay then tells the sender it was received.
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client';
import { planFilesOf } from '../../domain/csv';
import { formatMonthValue } from '../../domain/csv/labels';
import type { MessageSummary } from '../../domain/contract';
import { FILE_KINDS } from '../../domain/filename';
import { online } from '../app/online';
import { ErrorList } from '../common/Alert';
import { FileName } from '../common/FileName';
import { useAsync } from '../common/use-async';
import { formatDateTime } from '../common/format';
import { PlanDiff } from '../preview/PlanDiff';
import type { FileBytes } from './file-bytes';
import { sessionOwner } from '../app/owner';
import { loadPage } from './list-loader';
import { candidatesOf, compare, type Candidates, type Comparison } from './plan-comparison';

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; comparisons: Comparison[] }
  | { status: 'error'; message: string };

export function PlanChanges({ message, fileBytes }: { message: MessageSummary; fileBytes: FileBytes }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const hasPlans = useMemo(() => planFilesOf(message).length > 0, [message]);
  // without the list there is nothing to compare with: the section stays away
  // the earlier files can only be the same office's 予定 / 実績: asked of the relay with those filters
  const received =
    useAsync(
      async () =>
        (
          await loadPage({
            owner: sessionOwner(),
            box: 'received',
            filter: { office: message.sender.number, kinds: ['plan', 'actual'] },
            sort: 'newest',
            cursor: null,
            isOnline: online.peek(),
          })
        ).messages,
      [message.id],
      hasPlans,
    ).value ?? null;
  useEffect(() => setState({ status: 'idle' }), [message.id]);

  const candidates: Candidates | null = useMemo(() => (received ? candidatesOf(message, received) : null), [message, received]);
  const needsDownload = candidates?.comparable.some((c) => fileBytes.marksOnView(message, c.plan.file)) ?? false;

  async function run() {
    if (!candidates) return;
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', comparisons: await compare(message, candidates.comparable, fileBytes) });
    } catch (error) {
      setState({ status: 'error', message: error instanceof ApiFailure ? error.message : '前回のファイルと比較できませんでした' });
    }
  }

  // nothing to mark: compare at once
  const ready = candidates !== null && candidates.comparable.length > 0 && !needsDownload;
  useEffect(() => {
    if (ready && state.status === 'idle') void run();
  }, [ready, state.status]);

  if (!candidates || (candidates.comparable.length === 0 && candidates.notDownloaded.length === 0)) return null;
  return (
    <section class="plan-changes" aria-labelledby="plan-changes-title">
      <h2 id="plan-changes-title">前回からの変更</h2>
      {candidates.comparable.length === 0 && (
        <p class="field-note">
          同じ月の前回のファイル(
          {candidates.notDownloaded.map((p, i) => (
            <Fragment key={p.file.id}>{i > 0 && '、'}<FileName name={p.file.name} /></Fragment>
          ))}
          )をまだダウンロードしていないため、比較できません。
        </p>
      )}
      {state.status === 'idle' && needsDownload && (
        <div class="actions">
          <button type="button" onClick={() => void run()} aria-describedby="plan-changes-note">前回との差分を見る</button>
          <p id="plan-changes-note" class="field-note">このメッセージの予定・実績ファイルをダウンロードしてから比較します(送信元にはダウンロード済と表示されます)。</p>
        </div>
      )}
      {state.status === 'loading' && <p role="status">前回のファイルと比較しています…</p>}
      {state.status === 'error' && <ErrorList errors={[state.message]} />}
      {state.status === 'ready' && state.comparisons.map((c) => <ComparisonView key={c.plan.file.id} comparison={c} />)}
    </section>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { plan, newBytes, pairs, firstTime } = comparison;
  const what = `${FILE_KINDS[plan.kind].label} ${formatMonthValue(plan.month)}`;
  return (
    <div class="plan-comparison">
      {pairs.length === 0 && <p>{what}: 前回のファイルに同じ利用者はいません。</p>}
      {pairs.map((pair) => (
        <PlanDiff
          key={pair.earlier.file.id}
          oldBytes={pair.oldBytes}
          newBytes={newBytes}
          only={pair.keys}
          heading={what}
          caption={`${formatDateTime(pair.earlier.message.sentAt)} 受信分との比較(${pair.keys.size}人)`}
        />
      ))}
      {pairs.length > 0 && firstTime > 0 && <p class="field-note">前回のファイルになかった利用者: {firstTime}人(比較の対象外)</p>}
    </div>
  );
}
