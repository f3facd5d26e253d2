// 利用者基本情報: two codes send their content to the next column (layout notes on No.8 and
// No.12), and No.62 names the family-structure image that travels with the file.
import { at, indexOf, type RuleFactory } from './types';

const IMAGE_NAME = /^UPKIHON_IMAGE_.+_\d{4}\.jpe?g$/i;

export const kihonRules: RuleFactory = (ctx) => {
  const { layout, problems } = ctx;
  const pairs: [number, string, number][] = [
    [indexOf(layout, '相談方法'), '03', indexOf(layout, '相談方法(その他の内容)')],
    [indexOf(layout, '利用者の現況'), '02', indexOf(layout, '利用者の現況(状況補足)')],
  ];
  const image = indexOf(layout, '家族構成 画像ファイル名');
  return {
    row(record, row) {
      for (const [code, value, detail] of pairs) {
        if (record[code] === value && record[detail] === '') {
          problems.once(`detail|${code}`, 'warning',
            `${layout.columns[code]!.name}が ${value} のときは、その内容を${layout.columns[detail]!.name}に書きます`, at(layout, row, detail));
        }
      }
      const file = record[image]!;
      if (file !== '' && !IMAGE_NAME.test(file)) {
        problems.once('image', 'warning', `「${file}」は家族構成の画像ファイル名(UPKIHON_IMAGE_…_連番_枝番4桁.jpg)の形ではありません`,
          at(layout, row, image));
      }
    },
  };
};
