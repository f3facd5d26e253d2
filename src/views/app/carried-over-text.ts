// The words of the notice ./carried-over.ts shows (no DOM here: unit-tested as it is).
import type { CarriedOver } from '../../db/sign-in';

export function carriedOverText({ sends, heldBack }: CarriedOver): string {
  const lines: string[] = [];
  if (sends > 0) lines.push(`アプリの更新前に送信待ちだった${sends}件を、このログインで送信します。結果は送信一覧で確認できます。`);
  if (heldBack > 0) {
    lines.push(
      `アプリの更新前の送信待ちのうち${heldBack}件は、送信元の事業所が記録されていないため送信していません。` +
      '下書き一覧(一括送信の行は一括送信の画面)で内容を確認してから送信してください。',
    );
  }
  return lines.join('');
}
