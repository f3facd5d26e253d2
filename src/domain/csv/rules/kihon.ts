// 利用者基本情報: two codes send their content to the next column (layout notes on No.8 and
// No.12), and No.62 names the family-structure image that travels with the file.
import { parseFileName } from '../../filename';
import { nameParts } from '../../send-unit';
import { at, indexOf, type RuleFactory } from './types';

const IMAGE_RULE = 'UPKIHON_IMAGE_送信元事業所番号_サービス種類_送信先事業所番号_サービス種類_連番14桁_枝番4桁.jpg';

/**
 * No.62 「家族構成に関する画像ファイル名（JPEG形式）を記載」 with its 命名規則: an image name whose
 * part from the sender number to the 連番 is 「紐づく利用者基本情報のファイルと同様」. The column is
 * フリーテキスト and a record may name an image sent before, so a value off the rule only warns.
 */
function imageNameProblem(value: string, own: string | null): { key: string; text: string } | null {
  const parsed = parseFileName(value);
  if (!parsed.ok || parsed.value.kind !== 'UPKIHON_IMAGE') {
    const why = parsed.ok ? `${parsed.value.kind} のファイル名です` : parsed.error.slice(value.length + 2);
    return { key: 'image', text: `「${value}」は家族構成の画像ファイル名(${IMAGE_RULE})として読めません(${why})。送信はできます` };
  }
  const parts = nameParts(parsed.value);
  if (own === null || parts === own) return null;
  return {
    key: 'image-parts',
    text: `画像ファイル名「${value}」の送信元事業所番号から連番まで(${parts})が、このファイル名の ${own} と異なります` +
      '(画像ファイル名は紐づく利用者基本情報のファイル名にそろえます。送信はできます)',
  };
}

export const kihonRules: RuleFactory = (ctx) => {
  const { layout, problems } = ctx;
  const pairs: [number, string, number][] = [
    [indexOf(layout, '相談方法'), '03', indexOf(layout, '相談方法(その他の内容)')],
    [indexOf(layout, '利用者の現況'), '02', indexOf(layout, '利用者の現況(状況補足)')],
  ];
  const image = indexOf(layout, '家族構成 画像ファイル名');
  const own = ctx.name ? nameParts(ctx.name) : null;
  let lastImage = '';
  return {
    row(record, row) {
      for (const [code, value, detail] of pairs) {
        if (record[code] === value && record[detail] === '') {
          problems.once(`detail|${code}`, 'warning',
            `${layout.columns[code]!.name}が ${value} のときは、その内容を${layout.columns[detail]!.name}に書きます`, at(layout, row, detail));
        }
      }
      const file = record[image]!;
      if (file === '' || file === lastImage) return;
      lastImage = file;
      const problem = imageNameProblem(file, own);
      if (problem) problems.once(problem.key, 'warning', problem.text, at(layout, row, image));
    },
  };
};
